package io.hrloop.common.inbox;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.events.Envelope;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.support.ProbeHandler;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the first event of a type in a transaction pays is the transaction's cost, not its type's: a handler that
 * reads something once per transaction (improvement-service: an area's lock and candidates) pays for it on that
 * event. Timed as the type's cost, it made every event look that dear, and the batch was cut into transactions of
 * one event, each paying it again. The slow probe event stands for such a read.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class TransactionCostTest {

    private static final long SLOW_MILLIS = 4_000;

    @Inject
    EventDispatcher dispatcher;

    @Inject
    ObjectMapper mapper;

    @AfterEach
    void reset() {
        ProbeHandler.slowMillis = 0;
    }

    @Test
    void theFirstEventOfATypeInATransactionIsTimedAsTheTransactionsAndTheOthersAsTheirTypes() {
        ProbeHandler.slowMillis = SLOW_MILLIS;
        String run = UUID.randomUUID().toString();

        long handled = applyTogether(List.of("slow-first-" + run, "quick-1-" + run, "quick-2-" + run, "quick-3-" + run));
        double cost = dispatcher.costMillis(EventCatalog.PERSON_ERASED);
        assertTrue(handled < SLOW_MILLIS, "only the three quick events count as handling: " + handled + " ms");
        assertTrue(cost < SLOW_MILLIS / 8.0, "the type's cost is the quick events': " + cost + " ms");

        handled = applyTogether(List.of("quick-4-" + run, "slow-second-" + run));
        assertTrue(handled >= SLOW_MILLIS, "a slow event after another of its type is its own: " + handled + " ms");
        assertTrue(dispatcher.costMillis(EventCatalog.PERSON_ERASED) >= cost + (SLOW_MILLIS - cost) / 8 - 1,
                "and moves its type's cost");

        handled = applyTogether(List.of("slow-alone-" + run));
        assertTrue(handled < SLOW_MILLIS, "an event alone is all transaction: " + handled + " ms");
    }

    /** Applies erasures of {@code people} in one transaction; returns the handling time it counted, in ms. */
    private long applyTogether(List<String> people) {
        List<EventDispatcher.Delivery> deliveries = people.stream().map(this::delivery).toList();
        long before = dispatcher.handlingNanos();
        QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(deliveries));
        return (dispatcher.handlingNanos() - before) / 1_000_000;
    }

    private EventDispatcher.Delivery delivery(String person) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try {
            byte[] data = mapper.writeValueAsBytes(new PersonErased(person, "erased-" + person, now, "admin-1"));
            return dispatcher.read(Envelope.serialize(UUID.randomUUID().toString(), "/hrloop/request-service",
                    EventCatalog.PERSON_ERASED, person, now, data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
