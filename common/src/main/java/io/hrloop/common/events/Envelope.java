package io.hrloop.common.events;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;

/**
 * The one event envelope: CloudEvents 1.0 in structured JSON mode, written and read through the
 * CloudEvents SDK so that every service agrees on the wire format.
 */
public final class Envelope {

    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;
    private static final EventFormat FORMAT = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

    private Envelope() {
    }

    public static byte[] serialize(String id, String source, EventCatalog type, String subject, OffsetDateTime time,
            byte[] data) {
        CloudEvent event = CloudEventBuilder.v1()
                .withId(id)
                .withSource(URI.create(source))
                .withType(type.type())
                .withSubject(subject)
                .withTime(time)
                .withDataContentType("application/json")
                .withDataSchema(URI.create("urn:hrloop:schema:" + type.type()))
                .withData(data)
                .build();
        return FORMAT.serialize(event);
    }

    /** Parses a structured-mode CloudEvent; throws {@link MalformedEventException} when it is not one. */
    public static IncomingEvent parse(byte[] bytes, ObjectMapper mapper) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("empty message");
        }
        CloudEvent event;
        try {
            event = FORMAT.deserialize(bytes);
        } catch (RuntimeException e) {
            throw new MalformedEventException("not a CloudEvents 1.0 structured JSON event: " + firstLine(e.getMessage()));
        }
        if (event.getSubject() == null || event.getTime() == null || event.getData() == null) {
            throw new MalformedEventException("event " + event.getId() + " lacks subject, time or data");
        }
        JsonNode data;
        try {
            data = mapper.readTree(event.getData().toBytes());
        } catch (java.io.IOException e) {
            throw new MalformedEventException("event " + event.getId() + " data is not JSON");
        }
        return new IncomingEvent(event.getId(), event.getSource().toString(), event.getType(), event.getSubject(),
                event.getTime(), data);
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
