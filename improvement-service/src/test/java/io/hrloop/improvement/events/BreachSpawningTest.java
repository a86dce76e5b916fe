package io.hrloop.improvement.events;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.breach;
import static io.hrloop.improvement.Fixtures.evidence;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.items;
import static io.hrloop.improvement.Fixtures.totalEvidence;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.SlaBreach;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Repeated service-level breaches of one request type (default 3 within 14 days) become evidence. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class BreachSpawningTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private static void awaitLogged(String type, long count) {
        Fixtures.await(() -> QuarkusTransaction.requiringNew().call(() -> SlaBreach.count("requestType", type)),
                n -> n == count);
    }

    @Test
    void theThirdBreachWithinTheWindowOpensAnItemAndLaterOnesJoinIt() {
        String type = area();
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            breach(type, NOW.minusDays(10));
            breach(type, NOW.minusDays(3));
            awaitLogged(type, 2);
            assertEquals(List.of(), items(type), "two breaches are not yet a pattern");

            breach(type, NOW.minusHours(1));
            Map<String, Object> item = awaitItems(type, l -> l.size() == 1).getFirst();
            assertEquals("SLA_BREACHES", item.get("origin"));
            assertEquals(List.of("speed"), item.get("themes"));
            assertEquals(3, item.get("evidenceCount"));
            assertEquals(0, item.get("distinctPeople"), "breaches are not people");
            String id = (String) item.get("id");
            List<Map<String, Object>> evidence = evidence(id, hr());
            assertTrue(evidence.stream().allMatch(e -> e.get("kind").equals("BREACH")
                    && e.get("breachTarget").equals("RESOLUTION") && e.get("reference") != null), evidence.toString());

            breach(type, NOW);
            assertEquals(4, awaitItems(type, l -> totalEvidence(l) == 4).getFirst().get("evidenceCount"));

            List<JsonNode> events = probe.await(5, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            assertEquals("SLA_BREACHES", events.getFirst().path("data").path("origin").asText());
            assertEquals(4, events.stream().filter(EventProbe.ofType("hr.improvement.evidence-added"))
                    .filter(e -> e.path("data").path("evidence").path("kind").asText().equals("BREACH")).count());
            for (JsonNode event : events) {
                EventCatalog kind = EventCatalog.byType(event.path("type").asText()).orElseThrow();
                assertEquals(List.of(), EventSchemas.violations(kind, event.path("data")));
            }
        }
    }

    @Test
    void breachesSpreadBeyondTheWindowAreNoPattern() {
        String type = area();
        breach(type, NOW.minusDays(40));
        breach(type, NOW.minusDays(20));
        breach(type, NOW);
        awaitLogged(type, 3);
        assertEquals(List.of(), items(type));
    }

    @Test
    void breachesJoinTheOpenSpeedItemThatFeedbackAlreadyOpened() {
        String type = area();
        feedback(type).csat(1).themes("speed").comment("Slow").send();
        awaitItems(type, l -> l.size() == 1);
        breach(type, NOW.minusDays(2));
        breach(type, NOW.minusDays(1));
        breach(type, NOW);
        List<Map<String, Object>> after = awaitItems(type, l -> totalEvidence(l) == 4);
        assertEquals(1, after.size());
        assertEquals("FEEDBACK", after.getFirst().get("origin"));
        assertEquals(1, after.getFirst().get("distinctPeople"));
    }

    @Test
    void theSameBreachAnnouncedTwiceIsLoggedOnce() {
        String type = area();
        java.util.UUID request = breach(type, NOW);
        awaitLogged(type, 1);
        // a second event (new event id) about the same request and target, e.g. replayed by the producer
        com.fasterxml.jackson.databind.node.ObjectNode data = Fixtures.MAPPER.createObjectNode();
        data.put("requestId", request.toString());
        data.put("reference", "HR-000999");
        data.put("requestType", type);
        data.put("team", "payroll");
        data.put("priority", "NORMAL");
        data.put("status", "IN_PROGRESS");
        data.put("confidential", false);
        data.put("occurredAt", NOW.toString());
        data.put("target", "RESOLUTION");
        data.put("dueAt", NOW.toString());
        com.fasterxml.jackson.databind.node.ObjectNode again = Fixtures.envelope("hr.request.sla-breached",
                "/hrloop/request-service", request.toString(), data);
        Fixtures.send("hr.requests", request.toString(), again);
        String eventId = again.get("id").asText();
        Fixtures.await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) io.quarkus.hibernate.orm.panache
                .Panache.getEntityManager().createNativeQuery("select count(*) from inbox_event where event_id = ?1")
                .setParameter(1, eventId).getSingleResult()).longValue()), n -> n == 1);
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> SlaBreach.count("requestType", type)));
    }
}
