package io.hrloop.common.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonCloudEventData;
import io.cloudevents.jackson.JsonFormat;
import io.hrloop.common.contract.EventData;

/**
 * The one event envelope: CloudEvents 1.0 in structured JSON mode, written and read through the
 * CloudEvents SDK so that every service agrees on the wire format.
 */
public final class Envelope {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private Envelope() {
    }

    /** The CloudEvents distributed-tracing extension: the W3C trace context of the change that wrote the event. */
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    public static byte[] serialize(String id, String source, EventCatalog type, String subject, OffsetDateTime time,
            byte[] data) {
        return serialize(id, source, type, subject, time, data, Map.of());
    }

    /** {@code trace} holds traceparent (and tracestate) when the change ran in a trace. */
    public static byte[] serialize(String id, String source, EventCatalog type, String subject, OffsetDateTime time,
            byte[] data, Map<String, String> trace) {
        CloudEventBuilder builder = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type.type())
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withDataSchema(URI.create("urn:hrloop:schema:" + type.type()))
                .withData(data);
        for (String name : new String[] { TRACEPARENT, TRACESTATE }) {
            String value = trace.get(name);
            if (value != null && !value.isBlank()) {
                builder.withExtension(name, value);
            }
        }
        return FORMAT.serialize(builder.build());
    }

    /**
     * The structured CloudEvent of a contract record, as the outbox writes it: its data serialised by
     * {@code mapper}, checked against the type's JSON Schema ({@link MalformedEventException} when it violates
     * it), the record's aggregate as the subject. {@code trace} as in {@link #serialize(String, String,
     * EventCatalog, String, OffsetDateTime, byte[], Map)}.
     */
    public static byte[] of(ObjectMapper mapper, String id, String source, EventData event, OffsetDateTime time,
            Map<String, String> trace) {
        EventCatalog type = event.eventType();
        JsonNode tree = mapper.valueToTree(event);
        EventSchemas.requireValid(type, tree);
        try {
            return serialize(id, source, type, event.aggregateId(), time, mapper.writeValueAsBytes(tree), trace);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not serialisable", e);
        }
    }

    /**
     * The reader {@link #parse(byte[], ObjectReader)} takes: {@code mapper}'s (its read limits and its refusal of a
     * member given twice) with the CloudEvents format's module, so that the envelope and its JSON data are read in
     * one pass. Build it once per mapper.
     */
    public static ObjectReader reader(ObjectMapper mapper) {
        return mapper.copy().registerModule(JsonFormat.getCloudEventJacksonModule()).readerFor(CloudEvent.class);
    }

    /** {@link #parse(byte[], ObjectReader)} with a reader built for this call from {@code mapper}. */
    public static IncomingEvent parse(byte[] bytes, ObjectMapper mapper) {
        return parse(bytes, reader(mapper));
    }

    /**
     * Parses a structured-mode CloudEvent with a {@link #reader}; throws {@link MalformedEventException} when it is
     * not one. JSON data is the tree read with the envelope, not written out and read a second time.
     */
    public static IncomingEvent parse(byte[] bytes, ObjectReader reader) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty message");
        }
        CloudEvent event;
        try {
            event = reader.readValue(bytes);
        } catch (java.io.IOException | RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 structured JSON event: " + firstLine(e.getMessage()));
        }
        if (event == null || event.getSubject() == null || event.getTime() == null || event.getData() == null) {
            throw new MalformedEventException("event " + (event == null ? null : event.getId())
                    + " lacks subject, time or data");
        }
        JsonNode data;
        if (event.getData() instanceof JsonCloudEventData json) {
            data = json.getNode();
        } else {
            try {
                data = reader.readTree(event.getData().toBytes());
            } catch (java.io.IOException e) {
                throw new MalformedEventException("event " + event.getId() + " data is not JSON");
            }
        }
        Map<String, String> trace = new HashMap<>();
        for (String name : new String[] { TRACEPARENT, TRACESTATE }) {
            Object value = event.getExtension(name);
            if (value != null) {
                trace.put(name, value.toString());
            }
        }
        return new IncomingEvent(event.getId(), event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime(), data, Map.copyOf(trace));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
