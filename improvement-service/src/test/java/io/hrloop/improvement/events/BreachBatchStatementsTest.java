package io.hrloop.improvement.events;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.breachEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.hrloop.common.inbox.EventDispatcher;
import io.hrloop.common.inbox.EventDispatcher.Delivery;
import io.hrloop.improvement.domain.SlaBreach;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.SqlRecording;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A consumed batch of breaches asks once which of them are logged already, not once per breach (a query that also
 * flushed the previous breach's writes each time), and still logs each breach once: one logged by an earlier batch,
 * and one announced twice within the batch.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class BreachBatchStatementsTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    @Inject
    EventDispatcher dispatcher;

    @Test
    void aBatchAsksOnceWhichOfItsBreachesAreLoggedAndLogsEachOnce() {
        String type = area();
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        List<Delivery> first = List.of(delivery(a, type));
        QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(first));

        List<Delivery> second = List.of(delivery(a, type), delivery(b, type), delivery(b, type), delivery(c, type));
        List<String> statements = SqlRecording.recording(
                () -> QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(second)));

        List<String> byKey = SqlRecording.selectsFrom(statements, "sla_breach").stream()
                .filter(s -> s.toLowerCase().matches("(?s).*\\.breach_key( ?= ?\\?| in ?\\().*")).toList();
        assertEquals(1, byKey.size(), () -> "the batch's breaches looked up once, not once each; sent: " + statements);
        assertEquals(3L, QuarkusTransaction.requiringNew().call(() -> SlaBreach.count("requestType", type)),
                "each request's breach logged once: not again for the earlier batch's, nor twice for the repeated one");
    }

    private Delivery delivery(UUID requestId, String type) {
        return dispatcher.read(breachEvent(requestId, type, NOW, false, "HR-" + (100000 + (int) (Math.random() * 899999)))
                .toString().getBytes(StandardCharsets.UTF_8));
    }
}
