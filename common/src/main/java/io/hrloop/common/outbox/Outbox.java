package io.hrloop.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.contract.EventData;
import io.hrloop.common.events.Envelope;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.inbox.BatchEnd;
import io.hrloop.common.time.Times;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Writes an event into the outbox table inside the caller's transaction, so the state change and
 * its event commit or roll back together. The relay is woken once the transaction has committed.
 * <p>
 * A consumed batch of events writes its events' rows together at its end ({@link BatchEnd}), in order and in one
 * round trip, after flushing what the batch changed: an event handler then costs no statement of its own for
 * what it announces (under load each statement was a wait for a busy database, and improvement-service paid two
 * per piece of evidence: a flush and an insert). The aggregates' row locks are still taken, by that flush, before
 * the rows take their ids.
 */
@ApplicationScoped
public class Outbox {

    /** One wake-up per transaction, however many events it writes. */
    private static final Object WAKE_UP_REGISTERED = new Object();

    /** The W3C trace context of the change, carried in the event (CloudEvents distributed tracing). */
    private static Map<String, String> trace() {
        if (!Span.current().getSpanContext().isValid()) {
            return Map.of();
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier;
    }

    private final AgroalDataSource dataSource;
    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry registry;
    private final OutboxRelay relay;
    private final ObjectMapper mapper;
    private final Times times;
    private final BatchEnd batchEnd;
    private final String source;

    public Outbox(AgroalDataSource dataSource, EntityManager entityManager, TransactionSynchronizationRegistry registry,
            OutboxRelay relay, ObjectMapper mapper, Times times, BatchEnd batchEnd,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.batchEnd = batchEnd;
        this.times = times;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
        this.registry = registry;
        this.relay = relay;
        this.mapper = mapper;
        this.source = "/hrloop/" + service;
    }

    /** Records an event stamped now. Returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(EventData event) {
        return publish(event, times.now().truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    /**
     * Records an event with an explicit time: anonymous feedback passes a time truncated to the day so
     * that neither the envelope nor the Kafka record carries the precise moment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String publish(EventData event, OffsetDateTime time) {
        EventCatalog type = event.eventType();
        String aggregateId = event.aggregateId();
        String id = UUID.randomUUID().toString();
        Row row = new Row(UUID.fromString(id), type.topic(), aggregateId, type.type(), Timestamp.from(time.toInstant()),
                Envelope.of(mapper, id, source, event, time, trace()));
        batchEnd.work(Rows.class, () -> new Rows(this)).ifPresentOrElse(rows -> rows.add(row), () -> write(List.of(row)));
        if (registry.getResource(WAKE_UP_REGISTERED) == null) {
            registry.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
        return id;
    }

    /**
     * Writes outbox rows in order. Flushes first so the aggregates' row locks are held before the rows take their
     * ids: events of one aggregate then get ids in commit order.
     */
    private void write(List<Row> rows) {
        entityManager.flush();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox_event (event_id, topic, event_key, event_type, event_time, payload) values (?, ?, ?, ?, ?, ?)")) {
            for (Row row : rows) {
                insert.setObject(1, row.id());
                insert.setString(2, row.topic());
                insert.setString(3, row.key());
                insert.setString(4, row.type());
                insert.setTimestamp(5, row.time());
                insert.setBytes(6, row.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
    }

    private record Row(UUID id, String topic, String key, String type, Timestamp time, byte[] payload) {
    }

    /** A consumed batch's outbox rows, written when the batch ends, still in its transaction. */
    static final class Rows implements Runnable {

        private final Outbox outbox;
        private final List<Row> rows = new ArrayList<>();

        Rows(Outbox outbox) {
            this.outbox = outbox;
        }

        void add(Row row) {
            rows.add(row);
        }

        @Override
        public void run() {
            if (!rows.isEmpty()) {
                outbox.write(List.copyOf(rows));
                rows.clear();
            }
        }
    }
}
