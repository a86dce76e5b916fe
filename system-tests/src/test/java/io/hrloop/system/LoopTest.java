package io.hrloop.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * The whole loop over the three deployed services and one broker: a resolved request is surveyed,
 * negative answers from two people become one improvement item with both as evidence, the item is
 * implemented with a lesson, and the first contributor is told.
 */
class LoopTest {

    private static final String TYPE = "loop-query-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String TEAM = "payroll";
    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Catalogue.ensureRequestType(suite.request.baseUrl(), TYPE, TEAM, 1.0);
    }

    @Test
    void negativeFeedbackBecomesAnImprovementThatIsToldBackToThePeopleWhoRaisedIt() {
        String agent = Tokens.of("agent-loop", TEAM, "hr-agent");
        String lead = Tokens.of("lead-loop", TEAM, "hr-lead", "hr-agent");
        String first = "emp-loop-a-" + UUID.randomUUID();
        String second = "emp-loop-b-" + UUID.randomUUID();

        // 1. A request is submitted, owned and resolved; the survey is answered with CSAT 1.
        resolveAndAnswer(first, agent, 1, "It took far too long to get an answer, nobody replied for weeks.");

        // 2. An improvement item appears with that evidence.
        JsonPath item = await("an improvement item for " + TYPE, () -> {
            JsonPath items = given().baseUri(suite.improvement.baseUrl()).auth().oauth2(lead)
                    .queryParam("area", TYPE).get("/api/v1/improvements").then().statusCode(200).extract().jsonPath();
            return items.getList("items").size() == 1 ? items : null;
        });
        String itemId = item.getString("items[0].id");
        assertEquals("PROPOSED", item.getString("items[0].status"));

        // 3. A second person's similar feedback, worded differently, enriches the same item.
        resolveAndAnswer(second, agent, 2, "I waited weeks for a reply and nobody answered.");
        JsonPath enriched = await("two people on one item", () -> {
            JsonPath items = given().baseUri(suite.improvement.baseUrl()).auth().oauth2(lead)
                    .queryParam("area", TYPE).get("/api/v1/improvements").then().statusCode(200).extract().jsonPath();
            return items.getInt("items[0].distinctPeople") == 2 ? items : null;
        });
        assertEquals(1, enriched.getList("items").size(), "one open item for one gap");
        assertEquals(itemId, enriched.getString("items[0].id"));
        List<Map<String, Object>> evidence = given().baseUri(suite.improvement.baseUrl()).auth().oauth2(lead)
                .get("/api/v1/improvements/" + itemId + "/evidence").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertEquals(2, evidence.size());
        assertTrue(evidence.stream().anyMatch(e -> first.equals(e.get("personId"))));

        // 4. The item is accepted, worked on, and implemented with a lesson.
        for (String status : List.of("ACCEPTED", "IN_PROGRESS")) {
            given().baseUri(suite.improvement.baseUrl()).auth().oauth2(lead).contentType(ContentType.JSON)
                    .body(Map.of("status", status)).post("/api/v1/improvements/" + itemId + "/status")
                    .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo(status));
        }
        given().baseUri(suite.improvement.baseUrl()).auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("kind", "LESSON", "title", "Acknowledge payroll queries within a day",
                        "body", "An automatic acknowledgement and a same-day first answer removed most complaints."))
                .post("/api/v1/improvements/" + itemId + "/lessons").then().statusCode(201);
        given().baseUri(suite.improvement.baseUrl()).auth().oauth2(lead).contentType(ContentType.JSON)
                .body(Map.of("status", "IMPLEMENTED", "reason", "First answers now within one business day"))
                .post("/api/v1/improvements/" + itemId + "/status")
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("IMPLEMENTED"));

        // 5. The first contributor is notified, and the public feed shows it to everyone.
        JsonPath notifications = await("the first contributor's notification", () -> {
            JsonPath page = given().baseUri(suite.feedback.baseUrl()).auth().oauth2(Tokens.employee(first))
                    .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
            return page.getList("items").isEmpty() ? null : page;
        });
        assertEquals(itemId, notifications.getString("items[0].improvement.improvementId"));
        JsonPath feed = given().baseUri(suite.feedback.baseUrl()).auth().oauth2(Tokens.employee("emp-bystander"))
                .get("/api/v1/you-said-we-did").then().statusCode(200).extract().jsonPath();
        assertTrue(feed.getList("items.improvementId").contains(itemId), "the public feed shows the improvement");
        // the knowledge base finds the lesson
        given().baseUri(suite.improvement.baseUrl()).auth().oauth2(Tokens.employee("emp-bystander"))
                .queryParam("q", "acknowledgement").get("/api/v1/knowledge")
                .then().statusCode(200).body("items.improvementId", org.hamcrest.Matchers.hasItem(itemId));
        suite.printMemory("after the loop");
    }

    /** Submits a request as {@code person}, has the agent own and resolve it, then answers its survey. */
    private static void resolveAndAnswer(String person, String agent, int csat, String comment) {
        String id = given().baseUri(suite.request.baseUrl()).auth().oauth2(Tokens.employee(person))
                .contentType(ContentType.JSON)
                .body(Map.of("type", TYPE, "subject", "Overtime missing from my payslip", "description", "October"))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
        given().baseUri(suite.request.baseUrl()).auth().oauth2(agent).contentType(ContentType.JSON)
                .body(Map.of("owner", "agent-loop")).post("/api/v1/requests/" + id + "/assignment")
                .then().statusCode(200);
        for (String status : List.of("IN_PROGRESS", "RESOLVED")) {
            given().baseUri(suite.request.baseUrl()).auth().oauth2(agent).contentType(ContentType.JSON)
                    .body(Map.of("status", status)).post("/api/v1/requests/" + id + "/status")
                    .then().statusCode(200);
        }
        String token = await("a survey invitation for " + person, () -> {
            JsonPath page = given().baseUri(suite.feedback.baseUrl()).auth().oauth2(Tokens.employee(person))
                    .get("/api/v1/surveys").then().statusCode(200).extract().jsonPath();
            return page.getList("items").isEmpty() ? null : page.getString("items[0].token");
        });
        given().baseUri(suite.feedback.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("csat", csat, "nps", 2, "comment", comment))
                .post("/api/v1/surveys/" + token + "/response").then().statusCode(201);
    }

    private static <T> T await(String what, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        T last = probe.get();
        assertNotNull(last, "timed out waiting for " + what);
        return last;
    }
}
