package io.hrloop.improvement.events;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.breach;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.er;
import static io.hrloop.improvement.Fixtures.evidence;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.items;
import static io.hrloop.improvement.Fixtures.totalEvidence;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.improvement.service.ImprovementEvents;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Confidentiality travels with the data: feedback and breaches of employee-relations requests become evidence of
 * confidential items only, which only er-specialists see (list, item, evidence, verification, comments, knowledge),
 * which are never matched or merged with other items, and whose events carry no free text.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ConfidentialityTest {

    private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    private static String as(String token, String path, int status) {
        return given().auth().oauth2(token).when().get(path).then().statusCode(status).extract().asString();
    }

    @Test
    void confidentialFeedbackGoesToAConfidentialItemThatOnlyErSpecialistsSee() {
        String area = area();
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String text = "My manager keeps shouting at me in team meetings, " + marker;
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            feedback(area).confidential().csat(1).themes("respect").comment(text).send();
            Map<String, Object> er = awaitItems(area, l -> l.size() == 1, er()).getFirst();
            String id = (String) er.get("id");
            assertEquals(true, er.get("confidential"));
            assertTrue(((String) evidence(id, er()).getFirst().get("excerpt")).contains(marker), "the er-specialist reads it");
            String reference = (String) evidence(id, er()).getFirst().get("reference");
            assertEquals("HR-000123", reference);

            // the same words, not confidential: never matched with the confidential item
            feedback(area).csat(1).themes("respect").comment(text.replace(marker, "")).send();
            List<Map<String, Object>> both = awaitItems(area, l -> totalEvidence(l) == 2, er());
            assertEquals(2, both.size());
            String open = both.stream().filter(i -> i.get("confidential").equals(false)).findFirst()
                    .map(i -> (String) i.get("id")).orElseThrow();
            assertEquals(List.of(open), items(area).stream().map(i -> i.get("id")).toList(), "HR sees the other only");
            given().auth().oauth2(er()).queryParam("area", area).queryParam("confidential", "true")
                    .when().get("/api/v1/improvements").then().statusCode(200).body("items", hasSize(1))
                    .body("items[0].id", equalTo(id));

            for (String path : List.of("", "/evidence", "/comments", "/lessons")) {
                assertFalse(as(hr(), "/api/v1/improvements/" + id + path, 404).contains(marker));
            }
            given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"status\":\"ACCEPTED\"}")
                    .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(404);
            // never merged across the line, either way
            given().auth().oauth2(er()).contentType(ContentType.JSON)
                    .body("{\"status\":\"MERGED\",\"mergedInto\":\"" + open + "\"}")
                    .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(409)
                    .body("detail", org.hamcrest.Matchers.containsString("confidential"));
            given().auth().oauth2(hr()).contentType(ContentType.JSON)
                    .body("{\"status\":\"MERGED\",\"mergedInto\":\"" + id + "\"}")
                    .when().post("/api/v1/improvements/" + open + "/status").then().statusCode(422);

            // the er-specialist works the item: lesson, comment, implementation
            given().auth().oauth2(er()).contentType(ContentType.JSON)
                    .body("{\"kind\":\"LESSON\",\"title\":\"Mediation first " + marker + "\",\"body\":\"Offer it.\"}")
                    .when().post("/api/v1/improvements/" + id + "/lessons").then().statusCode(201);
            given().auth().oauth2(er()).contentType(ContentType.JSON).body("{\"body\":\"Case notes\"}")
                    .when().post("/api/v1/improvements/" + id + "/comments").then().statusCode(201);
            move(id, "{\"status\":\"ACCEPTED\"}");
            move(id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Managers of " + marker + " trained\"}");
            for (String token : List.of(hr(), employee())) {
                given().auth().oauth2(token).queryParam("q", "Mediation first " + marker).queryParam("area", area)
                        .when().get("/api/v1/knowledge")
                        .then().statusCode(200).body("items", hasSize(0));
                as(token, "/api/v1/improvements/" + id + "/verification", 404);
                assertFalse(as(token, "/api/v1/improvements?area=" + area, 200).contains(id));
            }
            given().auth().oauth2(er()).queryParam("q", "Mediation first " + marker).queryParam("area", area)
                    .when().get("/api/v1/knowledge")
                    .then().statusCode(200).body("items", hasSize(1));

            List<JsonNode> events = probe.await(5, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            for (JsonNode event : events) {
                assertFalse(event.toString().contains(marker), "free text in an event: " + event);
                assertEquals(ImprovementEvents.CONFIDENTIAL_TITLE, event.path("data").path("title").asText());
            }
            JsonNode implemented = events.stream().filter(EventProbe.ofType("hr.improvement.implemented")).findFirst()
                    .orElseThrow();
            // Events keep explicit nulls: the confidential summary is absent or null, never the text.
            JsonNode summary = implemented.path("data").path("summary");
            assertTrue(summary.isMissingNode() || summary.isNull(), implemented.toString());
            assertEquals(1, implemented.path("data").path("feedbackIds").size(), "the contributors can still be told");
        }
    }

    @Test
    void confidentialBreachesAreCountedApartAndTheirItemNamesNoRequest() {
        String type = area();
        List<String> secret = List.of("HR-9" + rnd(), "HR-9" + rnd(), "HR-9" + rnd());
        for (int i = 0; i < 3; i++) {
            breach(type, NOW.minusDays(3 - i), true, secret.get(i));
        }
        breach(type, NOW.minusDays(2), false, "HR-7" + rnd());
        breach(type, NOW.minusDays(1), false, "HR-7" + rnd());
        Map<String, Object> item = awaitItems(type, l -> l.size() == 1, er()).getFirst();
        assertEquals(true, item.get("confidential"));
        assertEquals(3, item.get("evidenceCount"), "two ordinary breaches are no pattern, and not part of this one");
        String problem = (String) item.get("problem");
        secret.forEach(reference -> assertFalse(problem.contains(reference), problem));
        List<Map<String, Object>> evidence = evidence((String) item.get("id"), er());
        assertEquals(secret.stream().sorted().toList(), evidence.stream().map(e -> (String) e.get("reference")).sorted()
                .toList(), "the er-specialist can still find the requests");
        assertEquals(List.of(), items(type), "nothing of it for other HR teams");

        breach(type, NOW, false, "HR-7" + rnd());
        Map<String, Object> ordinary = awaitItems(type, l -> l.size() == 1).getFirst();
        assertEquals(false, ordinary.get("confidential"));
        assertEquals(3, ordinary.get("evidenceCount"));
        assertNull(ordinary.get("mergedInto"));
        evidence((String) ordinary.get("id"), hr()).forEach(e -> assertFalse(secret.contains(e.get("reference"))));
    }

    private static void move(String id, String body) {
        given().auth().oauth2(er()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(200);
    }

    private static String rnd() {
        return String.valueOf(10000 + (int) (Math.random() * 89999));
    }
}
