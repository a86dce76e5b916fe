package io.hrloop.common.inbox;

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

    private EventHeaders() {
    }
}
