package io.hrloop.common.deadletter;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.hrloop.common.deadletter.DeadLetter.Direction;
import io.hrloop.common.deadletter.DeadLetter.Status;
import io.hrloop.common.time.Times;

/**
 * The rows behind the dead-letter API: inbound events parked by the consumer ({@code dead_letter}) and
 * outbox rows parked by the relay ({@code outbox_event.parked_at}), read as one list.
 */
@ApplicationScoped
public class DeadLetterStore {

    private static final String INBOUND_COLUMNS = "cast(id as varchar), direction, status, event_id, event_type, topic, "
            + "partition_no, offset_no, event_key, reason, 0, parked_at, resolved_at, resolved_by, resolution, payload";
    private static final String OUTBOUND_COLUMNS = "cast(event_id as varchar), 'OUTBOUND', 'PARKED', cast(event_id as varchar), "
            + "event_type, topic, null, null, event_key, coalesce(last_error, 'unpublishable'), attempts, parked_at, "
            + "null, null, null, payload";

    private final EntityManager entityManager;
    private final Times times;

    public DeadLetterStore(EntityManager entityManager, Times times) {
        this.entityManager = entityManager;
        this.times = times;
    }

    /** Parks a consumed record; a second parking of the same record (after a crash) changes nothing. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void park(String topic, int partition, long offset, String key, String eventId, String type, String reason,
            byte[] payload) {
        entityManager.createNativeQuery("""
                insert into dead_letter (id, direction, status, event_id, event_type, topic, partition_no, offset_no,
                    event_key, reason, payload, parked_at)
                values (?1, 'INBOUND', 'PARKED', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
                on conflict do nothing""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, eventId).setParameter(3, type)
                .setParameter(4, topic).setParameter(5, partition).setParameter(6, offset).setParameter(7, key)
                .setParameter(8, cut(reason)).setParameter(9, payload == null ? new byte[0] : payload)
                .setParameter(10, times.nowUtc())
                .executeUpdate();
    }

    /** Dead letters in the order they were parked; {@code status} null means PARKED. */
    @SuppressWarnings("unchecked")
    public List<DeadLetter> list(Status status, Direction direction, OffsetDateTime afterTime, String afterId, int limit) {
        Status wanted = status == null ? Status.PARKED : status;
        List<String> parts = new ArrayList<>();
        if (direction != Direction.OUTBOUND) {
            parts.add("select " + INBOUND_COLUMNS + " from dead_letter where status = :status"
                    + (direction == Direction.INBOUND ? " and direction = 'INBOUND'" : ""));
        } else {
            parts.add("select " + INBOUND_COLUMNS + " from dead_letter where status = :status and direction = 'OUTBOUND'");
        }
        if (wanted == Status.PARKED && direction != Direction.INBOUND) {
            parts.add("select " + OUTBOUND_COLUMNS + " from outbox_event where parked_at is not null");
        }
        String sql = "select * from (" + String.join(" union all ", parts) + ") d"
                + (afterTime == null ? "" : " where (d.parked_at, d.id) > (:afterTime, :afterId)")
                + " order by d.parked_at, d.id limit " + limit;
        Query query = entityManager.createNativeQuery(sql).setParameter("status", wanted.name());
        if (afterTime != null) {
            query.setParameter("afterTime", afterTime).setParameter("afterId", afterId);
        }
        return ((List<Object[]>) query.getResultList()).stream().map(DeadLetterStore::row).toList();
    }

    @SuppressWarnings("unchecked")
    public Optional<DeadLetter> find(String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        List<Object[]> rows = entityManager.createNativeQuery("select " + INBOUND_COLUMNS + " from dead_letter where id = ?1")
                .setParameter(1, uuid).getResultList();
        if (rows.isEmpty()) {
            rows = entityManager.createNativeQuery("select " + OUTBOUND_COLUMNS
                    + " from outbox_event where event_id = ?1 and parked_at is not null").setParameter(1, uuid).getResultList();
        }
        return rows.stream().findFirst().map(DeadLetterStore::row);
    }

    /** The number of parked events of both directions (a gauge). */
    public long parkedCount() {
        return ((Number) entityManager.createNativeQuery("select (select count(*) from dead_letter where status = 'PARKED')"
                + " + (select count(*) from outbox_event where parked_at is not null)").getSingleResult()).longValue();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markReplayed(String id, String operator) {
        resolve(id, Status.REPLAYED, operator, "replayed");
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markDiscarded(String id, String operator, String reason) {
        resolve(id, Status.DISCARDED, operator, reason);
    }

    /** A replay that failed again: the reason is brought up to date, the event stays parked. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void stillFailing(String id, String reason) {
        entityManager.createNativeQuery("update dead_letter set reason = ?2 where id = ?1 and status = 'PARKED'")
                .setParameter(1, UUID.fromString(id)).setParameter(2, cut(reason)).executeUpdate();
    }

    /** A parked outbox row goes back to the relay, with its aggregate's later events behind it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean unparkOutbound(String eventId) {
        return entityManager.createNativeQuery(
                "update outbox_event set parked_at = null, attempts = 0 where event_id = ?1 and parked_at is not null")
                .setParameter(1, UUID.fromString(eventId)).executeUpdate() == 1;
    }

    /** A parked outbox row is dropped; what it was and why is kept as a DISCARDED dead letter. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean discardOutbound(DeadLetter parked, String operator, String reason) {
        int deleted = entityManager.createNativeQuery("delete from outbox_event where event_id = ?1 and parked_at is not null")
                .setParameter(1, UUID.fromString(parked.id())).executeUpdate();
        if (deleted == 0) {
            return false;
        }
        entityManager.createNativeQuery("""
                insert into dead_letter (id, direction, status, event_id, event_type, topic, event_key, reason, payload,
                    parked_at, resolved_at, resolved_by, resolution)
                values (?1, 'OUTBOUND', 'DISCARDED', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)""")
                .setParameter(1, UUID.fromString(parked.id())).setParameter(2, parked.eventId())
                .setParameter(3, parked.type()).setParameter(4, parked.topic()).setParameter(5, parked.key())
                .setParameter(6, cut(parked.reason())).setParameter(7, parked.payload())
                .setParameter(8, parked.parkedAt()).setParameter(9, times.nowUtc()).setParameter(10, operator)
                .setParameter(11, cut(reason))
                .executeUpdate();
        return true;
    }

    private void resolve(String id, Status status, String operator, String resolution) {
        entityManager.createNativeQuery("""
                update dead_letter set status = ?2, resolved_at = ?3, resolved_by = ?4, resolution = ?5
                where id = ?1 and status = 'PARKED'""")
                .setParameter(1, UUID.fromString(id)).setParameter(2, status.name()).setParameter(3, times.nowUtc())
                .setParameter(4, operator).setParameter(5, cut(resolution)).executeUpdate();
    }

    private static DeadLetter row(Object[] r) {
        return new DeadLetter((String) r[0], Direction.valueOf((String) r[1]), Status.valueOf((String) r[2]),
                (String) r[3], (String) r[4], (String) r[5], r[6] == null ? null : ((Number) r[6]).intValue(),
                r[7] == null ? null : ((Number) r[7]).longValue(), (String) r[8], (String) r[9],
                ((Number) r[10]).intValue(), time(r[11]), time(r[12]), (String) r[13], (String) r[14], (byte[]) r[15]);
    }

    private static OffsetDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt;
        }
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
    }

    private static String cut(String text) {
        if (text == null) {
            return "";
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
