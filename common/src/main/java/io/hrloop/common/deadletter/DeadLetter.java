package io.hrloop.common.deadletter;

import java.time.OffsetDateTime;

/**
 * An event this service could not process (INBOUND) or could not publish (OUTBOUND, a parked outbox row),
 * as the operator sees it.
 */
public record DeadLetter(String id, Direction direction, Status status, String eventId, String type, String topic,
        Integer partition, Long offset, String key, String reason, int attempts, OffsetDateTime parkedAt,
        OffsetDateTime resolvedAt, String resolvedBy, String resolution, byte[] payload) {

    public enum Direction {
        INBOUND, OUTBOUND
    }

    public enum Status {
        PARKED, REPLAYED, DISCARDED
    }
}
