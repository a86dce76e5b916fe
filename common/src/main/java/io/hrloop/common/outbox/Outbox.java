package io.hrloop.common.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
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
import io.hrloop.common.time.Times;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * Writes an event into the outbox table inside the caller's transaction, so the state change and
 * its event commit or roll back together. The relay is woken once the transaction has committed.
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
    private final String source;

    public Outbox(AgroalDataSource dataSource, EntityManager entityManager, TransactionSynchronizationRegistry registry,
            OutboxRelay relay, ObjectMapper mapper, Times times,
            @ConfigProperty(name = "quarkus.application.name") String service) {
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
        byte[] payload = Envelope.of(mapper, id, source, event, time, trace());
        // Flush first so the aggregate's row lock is held before the outbox row takes its id:
        // events of one aggregate then get ids in commit order.
        entityManager.flush();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into outbox_event (event_id, topic, event_key, event_type, event_time, payload) values (?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, UUID.fromString(id));
            insert.setString(2, type.topic());
            insert.setString(3, aggregateId);
            insert.setString(4, type.type());
            insert.setTimestamp(5, Timestamp.from(time.toInstant()));
            insert.setBytes(6, payload);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the outbox", e);
        }
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
}
