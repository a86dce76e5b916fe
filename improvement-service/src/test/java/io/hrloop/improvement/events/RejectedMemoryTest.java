package io.hrloop.improvement.events;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.breach;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.items;
import static io.hrloop.improvement.Fixtures.lead;
import static io.hrloop.improvement.Fixtures.totalEvidence;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The backlog remembers: for rejected-memory (90 days) a REJECTED item keeps taking the evidence of its gap, counted
 * as "raised again", instead of a new item opening; a lead may reopen it.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RejectedMemoryTest {

    private static void move(String token, String id, String body, int expected) {
        String etag = given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .extract().header("ETag");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(expected);
    }

    private static String rejectedItemOf(String area, String comment) {
        feedback(area).csat(1).sentiment(-0.7).themes("speed").comment(comment).send();
        String id = (String) awaitItems(area, l -> l.size() == 1).getFirst().get("id");
        move(hr(), id, "{\"status\":\"REJECTED\",\"reason\":\"Covered by the portal project\"}", 200);
        return id;
    }

    @Test
    void aRejectedGapTakesItsNewEvidenceAndALeadReopensIt() {
        String area = area();
        String id = rejectedItemOf(area, "It took far too long to get an answer.");
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            feedback(area).csat(2).sentiment(-0.4).themes("communication")
                    .comment("It took weeks to get any answer at all.").send();
            Map<String, Object> item = awaitItems(area, l -> totalEvidence(l) == 2).getFirst();
            assertEquals(1, items(area).size(), "no new item for a rejected gap");
            assertEquals(id, item.get("id"));
            assertEquals("REJECTED", item.get("status"));
            assertEquals(1, item.get("raisedAgain"));
            JsonNode added = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())
                    && "hr.improvement.evidence-added".equals(e.path("type").asText())).getFirst();
            assertEquals("REJECTED", added.path("data").path("status").asText());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.IMPROVEMENT_EVIDENCE_ADDED, added.path("data")));
        }
        // scores only, no comment: by its theme, the rejected item of the gap
        feedback(area).csat(1).themes("speed").send();
        awaitItems(area, l -> totalEvidence(l) == 3);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then()
                .body("raisedAgain", equalTo(2)).body("status", equalTo("REJECTED"));

        move(hr(), id, "{\"status\":\"PROPOSED\",\"reason\":\"Raised again twice\"}", 403);
        move(lead(), id, "{\"status\":\"PROPOSED\"}", 400);
        move(lead(), id, "{\"status\":\"ACCEPTED\",\"reason\":\"Raised again twice\"}", 409);
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            move(lead(), id, "{\"status\":\"PROPOSED\",\"reason\":\"Raised again twice\"}", 200);
            JsonNode changed = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())
                    && "hr.improvement.status-changed".equals(e.path("type").asText())).getFirst();
            assertEquals("REJECTED", changed.path("data").path("previousStatus").asText());
            assertEquals("PROPOSED", changed.path("data").path("status").asText());
            assertEquals("Raised again twice", changed.path("data").path("reason").asText());
        }
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/history").then().statusCode(200)
                .body("to", contains("REJECTED", "PROPOSED")).body("[1].actor", equalTo("hr-lead-1"))
                .body("[1].reason", equalTo("Raised again twice"));
        // open again, it takes evidence as any open item
        feedback(area).csat(1).themes("speed").send();
        awaitItems(area, l -> totalEvidence(l) == 4);
        assertEquals(1, items(area).size());
    }

    @Test
    void afterTheMemoryTheGapOpensANewItem() {
        String area = area();
        String id = rejectedItemOf(area, "It took far too long to get an answer.");
        QuarkusTransaction.requiringNew().run(() -> ImprovementItem.update("rejectedAt = ?1 where id = ?2",
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(91), UUID.fromString(id)));
        feedback(area).csat(2).sentiment(-0.4).comment("It took weeks to get any answer at all.").send();
        List<Map<String, Object>> items = awaitItems(area, l -> l.size() == 2);
        assertEquals(1, items.stream().filter(i -> "PROPOSED".equals(i.get("status"))).count());
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then()
                .body("raisedAgain", equalTo(0)).body("evidenceCount", equalTo(1));
    }

    @Test
    void aRejectedBreachItemTakesTheNextBreaches() {
        String type = area();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        breach(type, now.minusDays(3));
        breach(type, now.minusDays(2));
        breach(type, now.minusDays(1));
        String id = (String) awaitItems(type, l -> totalEvidence(l) == 3).getFirst().get("id");
        move(hr(), id, "{\"status\":\"REJECTED\",\"reason\":\"Staffing, not process\"}", 200);
        breach(type, now.minusHours(1));
        Map<String, Object> item = awaitItems(type, l -> totalEvidence(l) == 4).getFirst();
        assertEquals(1, items(type).size());
        assertEquals("REJECTED", item.get("status"));
        assertEquals(1, item.get("raisedAgain"));
    }
}
