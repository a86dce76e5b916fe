package io.hrloop.common.deadletter;

import java.time.OffsetDateTime;
import java.util.Base64;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.deadletter.DeadLetter.Direction;
import io.hrloop.common.deadletter.DeadLetter.Status;

@Schema(name = "DeadLetter", description = "An event this service could not process (INBOUND) or publish (OUTBOUND)")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeadLetterView(
        @Schema(description = "Dead-letter id (for OUTBOUND, the event id)") String id,
        Direction direction,
        Status status,
        String eventId,
        @Schema(description = "CloudEvents type, when it could be read", examples = "hr.request.resolved") String type,
        String topic,
        Integer partition,
        Long offset,
        @Schema(description = "Kafka key (the aggregate id)") String key,
        @Schema(description = "Why it is parked", examples = "violates its schema: $.requestId: is missing") String reason,
        @Schema(description = "Failed publication attempts (OUTBOUND)") Integer attempts,
        OffsetDateTime parkedAt,
        OffsetDateTime resolvedAt,
        String resolvedBy,
        String resolution,
        // Object, not JsonNode: the document generator would describe a JsonNode as an array (it is Iterable).
        @Schema(type = SchemaType.OBJECT, description = "The event as it was received or written, when it is JSON") Object payload,
        @Schema(description = "The raw bytes, base64, when the payload is not JSON") String payloadBase64) {

    public static DeadLetterView from(DeadLetter d, ObjectMapper mapper) {
        JsonNode json = null;
        String raw = null;
        try {
            json = d.payload().length == 0 ? null : mapper.readTree(d.payload());
        } catch (java.io.IOException e) {
            raw = Base64.getEncoder().encodeToString(d.payload());
        }
        return new DeadLetterView(d.id(), d.direction(), d.status(), d.eventId(), d.type(), d.topic(), d.partition(),
                d.offset(), d.key(), d.reason(), d.direction() == Direction.OUTBOUND ? d.attempts() : null, d.parkedAt(),
                d.resolvedAt(), d.resolvedBy(), d.resolution(), json, raw);
    }
}
