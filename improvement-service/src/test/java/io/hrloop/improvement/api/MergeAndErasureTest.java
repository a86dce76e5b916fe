package io.hrloop.improvement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.evidence;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.item;
import static io.hrloop.improvement.Fixtures.totalEvidence;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.improvement.Fixtures;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Merging hands the evidence (and the people to tell) to the survivor; erasure pseudonymises, counts survive. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class MergeAndErasureTest {

    private static String idWithTheme(List<Map<String, Object>> items, String theme) {
        return items.stream().filter(i -> ((List<?>) i.get("themes")).contains(theme)).findFirst()
                .map(i -> (String) i.get("id")).orElseThrow();
    }

    @Test
    void theSurvivorTakesOverEvidenceAndThemesAndImplementingItTellsEveryContributor() {
        String area = area();
        Fixtures.Feedback slow = feedback(area).csat(1).themes("speed").comment("Slow").send();
        Fixtures.Feedback rude = feedback(area).csat(2).themes("respect").comment("The agent was curt").send();
        List<Map<String, Object>> two = awaitItems(area, l -> l.size() == 2);
        String survivor = idWithTheme(two, "speed");
        String merged = idWithTheme(two, "respect");

        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"status\":\"MERGED\"}")
                .post("/api/v1/improvements/" + merged + "/status").then().statusCode(400);
        given().auth().oauth2(hr()).contentType(ContentType.JSON)
                .body("{\"status\":\"MERGED\",\"mergedInto\":\"" + merged + "\"}")
                .post("/api/v1/improvements/" + merged + "/status").then().statusCode(409);
        given().auth().oauth2(hr()).contentType(ContentType.JSON)
                .body("{\"status\":\"MERGED\",\"mergedInto\":\"" + UUID.randomUUID() + "\"}")
                .post("/api/v1/improvements/" + merged + "/status").then().statusCode(422);
        ImprovementApiTest.move(merged, "{\"status\":\"MERGED\",\"mergedInto\":\"" + survivor + "\"}", 200);

        assertEquals("MERGED", item(merged).getString("status"));
        assertEquals(survivor, item(merged).getString("mergedInto"));
        assertEquals(List.of(), evidence(merged, hr()));
        assertEquals(List.of("speed", "respect"), item(survivor).getList("themes"));
        assertEquals(2, item(survivor).getInt("distinctPeople"));
        Map<String, Object> moved = evidence(survivor, hr()).stream()
                .filter(e -> e.get("sourceId").equals(rude.id())).findFirst().orElseThrow();
        assertEquals(merged, moved.get("mergedFrom"));

        // A later complaint about respect (scores only: its theme decides) joins the survivor instead of reopening
        // the gap.
        feedback(area).csat(1).themes("respect").send();
        assertEquals(3, totalEvidence(awaitItems(area, l -> totalEvidence(l) == 3)));
        assertEquals(3, item(survivor).getInt("evidenceCount"));

        ImprovementApiTest.move(survivor, "{\"status\":\"ACCEPTED\"}", 200);
        given().auth().oauth2(hr()).contentType(ContentType.JSON)
                .body("{\"status\":\"MERGED\",\"mergedInto\":\"" + merged + "\"}")
                .post("/api/v1/improvements/" + survivor + "/status").then().statusCode(409);
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            ImprovementApiTest.move(survivor, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Coaching and triage\"}", 200);
            JsonNode implemented = probe.await(1, Duration.ofSeconds(20),
                    e -> survivor.equals(e.path("subject").asText())
                            && e.path("type").asText().equals("hr.improvement.implemented")).getFirst();
            Set<String> ids = new java.util.HashSet<>();
            implemented.path("data").path("feedbackIds").forEach(n -> ids.add(n.asText()));
            assertEquals(3, ids.size());
            assertTrue(ids.containsAll(Set.of(slow.id(), rude.id())), ids.toString());
        }
    }

    @Test
    void erasureReplacesThePersonByThePseudonymAndTheCountsSurvive() {
        String area = area();
        String person = "emp-erase-" + UUID.randomUUID();
        feedback(area).csat(1).themes("policy").person(person).comment("Unfair policy").send();
        feedback(area).csat(2).themes("policy").comment("Unfair policy too").send();
        String id = (String) awaitItems(area, l -> totalEvidence(l) == 2).getFirst().get("id");
        double impact = item(id).getDouble("impactScore");
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"owner\":\"" + person + "\"}")
                .post("/api/v1/improvements/" + id + "/assignment").then().statusCode(200);

        String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 6);
        Fixtures.erased(person, pseudonym);
        List<Map<String, Object>> evidence = Fixtures.await(() -> evidence(id, hr()),
                l -> l.stream().anyMatch(e -> pseudonym.equals(e.get("personId"))));
        assertTrue(evidence.stream().noneMatch(e -> person.equals(e.get("personId"))));
        assertEquals(pseudonym, item(id).getString("owner"));
        assertEquals(2, item(id).getInt("distinctPeople"));
        assertEquals(2, item(id).getInt("evidenceCount"));
        assertEquals(impact, item(id).getDouble("impactScore"));
    }
}
