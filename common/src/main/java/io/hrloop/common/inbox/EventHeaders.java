package io.hrloop.common.inbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.internals.RecordHeaders;

import io.hrloop.common.events.Envelope;

/**
 * Kafka headers the relay sets beside the structured CloudEvent, so a consumer can skip a type it does
 * not apply without parsing it, and the dead-letter headers an operator reads.
 */
public final class EventHeaders {

    public static final String CONTENT_TYPE = "content-type";
    /** The CloudEvents type, as the Kafka protocol binding names it. */
    public static final String TYPE = "ce_type";

    public static final String DLQ_REASON = "dlq-reason";
    public static final String DLQ_TOPIC = "dlq-original-topic";
    public static final String DLQ_PARTITION = "dlq-original-partition";
    public static final String DLQ_OFFSET = "dlq-original-offset";
    public static final String DLQ_CONSUMER = "dlq-consumer";

    /** The headers the relay sends with an event of {@code type} (a CloudEvents type such as hr.request.submitted). */
    public static RecordHeaders of(String type) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONTENT_TYPE, Envelope.CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(TYPE, type.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    private EventHeaders() {
    }
}
