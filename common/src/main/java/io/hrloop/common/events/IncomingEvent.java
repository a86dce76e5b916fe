package io.hrloop.common.events;

import java.time.OffsetDateTime;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A consumed CloudEvent whose envelope and data have been checked against the contract. */
public record IncomingEvent(String id, String source, String type, String subject, OffsetDateTime time, JsonNode data,
        Map<String, String> trace) {

    public String text(String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }
}
