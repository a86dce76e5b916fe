package io.hrloop.common.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.inbox.Inbox;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;

/**
 * Two relays over one outbox, as two replicas: every committed row is published exactly once, and
 * the events of one aggregate leave in the order they were written.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OutboxRelayTest {

    @Inject
    Outbox outbox;
    @Inject
    Inbox inbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    EntityManager entityManager;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void twoReplicasPublishEveryRowOnceAndInAggregateOrder() throws Exception {
        int aggregates = 12;
        int changesEach = 25;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < aggregates; i++) {
            String id = "agg-" + UUID.randomUUID();
            ids.add(id);
            QuarkusTransaction.requiringNew().run(() -> {
                ProbeAggregate aggregate = new ProbeAggregate();
                aggregate.id = id;
                aggregate.persist();
            });
        }
        OutboxRelay first = new OutboxRelay(dataSource, config, kafkaConfig, registry);
        OutboxRelay second = new OutboxRelay(dataSource, config, kafkaConfig, registry);
        try (EventProbe probe = EventProbe.at(EventCatalog.PERSON_ERASED.topic())) {
            first.launch();
            second.launch();
            // Writers change the aggregates concurrently while both relays publish.
            ExecutorService writers = Executors.newFixedThreadPool(4);
            List<Future<?>> work = new ArrayList<>();
            for (String id : ids) {
                work.add(writers.submit(() -> {
                    for (int n = 1; n <= changesEach; n++) {
                        change(id);
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
            writers.shutdown();

            int total = aggregates * changesEach;
            Set<String> mine = new HashSet<>(ids);
            List<JsonNode> events = probe.await(total, Duration.ofSeconds(60), e -> mine.contains(e.path("subject").asText()));
            events = probe.drain(Duration.ofSeconds(2), e -> mine.contains(e.path("subject").asText()));
            assertEquals(total, events.size(), "each committed event published once");
            assertEquals(total, events.stream().map(e -> e.path("id").asText()).distinct().count(), "no event twice");
            Map<String, Integer> last = new HashMap<>();
            for (JsonNode event : events) {
                String aggregate = event.path("subject").asText();
                int counter = event.path("data").path("erasedBy").asInt();
                assertEquals(last.getOrDefault(aggregate, 0) + 1, counter, "order of " + aggregate);
                last.put(aggregate, counter);
            }
        } finally {
            first.halt();
            second.halt();
        }
        assertEquals(0L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue()),
                "published rows are deleted");
    }

    /**
     * A relay that sweeps only once an hour: a trickle of commits, each waking it, all leave within seconds and
     * in order. A round that took fewer rows than its batch does not claim again at once (an empty round was a
     * transaction per round for nothing); a commit made while a round runs wakes the next one, and nothing
     * waits for the sweep.
     */
    @Test
    void aTrickleOfCommitsLeavesWithoutWaitingForTheSweep() throws Exception {
        OutboxConfig.Relay defaults = config.relay();
        OutboxConfig.Relay hourly = new OutboxConfig.Relay() {
            public boolean enabled() {
                return true;
            }

            public int batchSize() {
                return defaults.batchSize();
            }

            public Duration sweepInterval() {
                return Duration.ofHours(1);
            }

            public int maxAttempts() {
                return defaults.maxAttempts();
            }

            public int maxEventBytes() {
                return defaults.maxEventBytes();
            }
        };
        String id = "agg-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            ProbeAggregate aggregate = new ProbeAggregate();
            aggregate.id = id;
            aggregate.persist();
        });
        OutboxRelay relay = new OutboxRelay(dataSource, () -> hourly, kafkaConfig, registry);
        int changes = 40;
        try (EventProbe probe = EventProbe.at(EventCatalog.PERSON_ERASED.topic())) {
            relay.launch();
            for (int n = 1; n <= changes; n++) {
                change(id);
                relay.wake(); // as the outbox wakes its service's relay after each commit
                Thread.sleep(n % 4 == 0 ? 0 : 3 + n % 11);
            }
            List<JsonNode> events = probe.await(changes, Duration.ofSeconds(15), e -> id.equals(e.path("subject").asText()));
            assertEquals(changes, events.size(), "every commit published without the hourly sweep");
            for (int n = 0; n < changes; n++) {
                assertEquals(n + 1, events.get(n).path("data").path("erasedBy").asInt(), "in the order written");
            }
        } finally {
            relay.halt();
        }
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        String id = "agg-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.publish(erased(id, 1));
                throw new IllegalStateException("business rule failed");
            });
        } catch (IllegalStateException expected) {
            // the business transaction failed
        }
        long rows = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event where event_key = ?1").setParameter(1, id)
                .getSingleResult()).longValue());
        assertEquals(0, rows);
    }

    @Test
    void anInvalidPayloadIsRefusedBeforeItReachesTheOutbox() {
        String id = "agg-" + UUID.randomUUID();
        try {
            QuarkusTransaction.requiringNew().run(() -> outbox.publish(new PersonErased(id, null, null, null)));
            throw new AssertionError("expected a schema violation");
        } catch (RuntimeException e) {
            assertTrue(e.getMessage().contains("violates its schema"), e.getMessage());
        }
    }

    @Test
    void theInboxAcceptsAnEventIdOncePerConsumer() {
        String eventId = UUID.randomUUID().toString();
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(eventId, "a", "hr.person.erased")));
        assertEquals(false, QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(eventId, "a", "hr.person.erased")));
        assertTrue(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(eventId, "b", "hr.person.erased")));
    }

    /** One business change: the aggregate's counter goes up and the event carries the new value. */
    private void change(String id) {
        for (int attempt = 0;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    ProbeAggregate aggregate = ProbeAggregate.findById(id);
                    aggregate.counter++;
                    outbox.publish(erased(id, aggregate.counter));
                });
                return;
            } catch (RuntimeException e) {
                if (attempt > 20) {
                    throw e;
                }
            }
        }
    }

    private static PersonErased erased(String id, int counter) {
        return new PersonErased(id, "p-" + counter, OffsetDateTime.now(ZoneOffset.UTC), Integer.toString(counter));
    }
}
