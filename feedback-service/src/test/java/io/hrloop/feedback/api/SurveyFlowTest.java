package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.Surveys;
import io.hrloop.feedback.support.TimeTravel;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.hrloop.text.E5Embedder;
import io.hrloop.text.Vectors;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** From hr.request.resolved to an answered survey: invitation, throttling, expiry, single use, withdrawal. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SurveyFlowTest {

    @Test
    void resolutionInvitesTheRequesterWhoAnswersOnceWithoutLogin() throws Exception {
        String person = "emp-" + UUID.randomUUID();
        Request request = Request.of("payroll-query", "payroll", person);
        RequestEvents.resolved(request, 1.0);
        JsonNode invitation = Surveys.awaitInvitation(person);
        assertEquals(request.reference(), invitation.path("reference").asText());
        assertEquals(request.id().toString(), invitation.path("requestId").asText());
        OffsetDateTime expiresAt = OffsetDateTime.parse(invitation.path("expiresAt").asText());
        assertTrue(Duration.between(OffsetDateTime.now(), expiresAt).toHours() > 27 * 24, "expires in about 28 days");
        String token = invitation.path("token").asText();
        assertTrue(token.length() >= 43, "a 256-bit token");

        Map<String, Object> shown = given().when().get("/api/v1/surveys/" + token).then().statusCode(200).extract().jsonPath().getMap("");
        assertEquals(Map.of("reference", request.reference(), "subject", request.subject(), "expiresAt", shown.get("expiresAt")), shown,
                "the survey shows the reference and subject and nothing more");

        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            String feedbackId = given().contentType(ContentType.JSON)
                    .body("{\"csat\":4,\"ces\":2,\"nps\":9,\"comment\":\"Quick and clear answer, sorted within a day, thank you!\",\"themes\":[\"communication\"]}")
                    .when().post("/api/v1/surveys/" + token + "/response")
                    .then().statusCode(201).header("Location", containsString("/api/v1/feedback/"))
                    .extract().path("feedbackId");
            JsonNode event = probe.await(1, Duration.ofSeconds(20), e -> feedbackId.equals(e.path("subject").asText())).getFirst();
            assertEquals("hr.feedback.received", event.path("type").asText());
            JsonNode data = event.path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_RECEIVED, data));
            assertEquals("SURVEY", data.path("source").asText());
            assertEquals("REQUEST", data.path("subjectType").asText());
            assertEquals(person, data.path("personId").asText());
            assertEquals(request.reference(), data.path("reference").asText());
            assertEquals("payroll-query", data.path("requestType").asText());
            assertEquals("payroll", data.path("team").asText());
            assertEquals(4, data.path("csat").asInt());
            assertEquals(9, data.path("nps").asInt());
            assertTrue(data.path("sentiment").asDouble() > 0.3, "a positive comment reads positive");
            assertTrue(data.path("themes").toString().contains("communication"));
            assertTrue(data.path("themes").toString().contains("speed"), "detected from 'sorted within a day'");
            // the comment's embedding as the analysis made it, for improvement-service's matching
            FeedbackReceived.CommentEmbedding embedding = new ObjectMapper().treeToValue(data.path("commentEmbedding"),
                    FeedbackReceived.CommentEmbedding.class);
            assertEquals(E5Embedder.MODEL, embedding.model());
            assertArrayEquals(E5Embedder.shared().embed("Quick and clear answer, sorted within a day, thank you!"),
                    Vectors.fromBase64(embedding.vector()), 0f);
        }
        given().contentType(ContentType.JSON).body("{\"csat\":1}").when().post("/api/v1/surveys/" + token + "/response")
                .then().statusCode(409).contentType("application/problem+json");
        given().when().get("/api/v1/surveys/" + token).then().statusCode(409);
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/surveys").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aPersonIsInvitedAtMostOncePerThrottlePeriod() {
        String person = "emp-" + UUID.randomUUID();
        Request first = Request.of("leave-request", "leave", person);
        Request second = Request.of("payroll-query", "payroll", person);
        RequestEvents.resolved(first, 1.0);
        Surveys.awaitInvitation(person);
        RequestEvents.resolved(second, 1.0);
        Db.awaitSnapshot(second.id(), s -> "RESOLVED".equals(s.status));
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/surveys").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].reference", equalTo(first.reference()));

        // Eight days later the person may be asked again.
        TimeTravel.ageInvitations(person, 8);
        Request third = Request.of("benefits-question", "benefits", person);
        RequestEvents.resolved(third, 1.0);
        Db.awaitSnapshot(third.id(), s -> "RESOLVED".equals(s.status));
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/surveys").then().statusCode(200)
                .body("items", hasSize(2)).body("items.reference", hasItem(third.reference()));
    }

    @Test
    void unsampledAndConfidentialRequestsAreNotSurveyed() {
        String person = "emp-" + UUID.randomUUID();
        Request unsampled = Request.of("payroll-query", "payroll", person);
        RequestEvents.resolved(unsampled, 0.0);
        Request confidential = Request.of("employee-relations-concern", "employee-relations", null);
        RequestEvents.resolved(confidential, 1.0);
        Db.awaitSnapshot(unsampled.id(), s -> "RESOLVED".equals(s.status));
        Db.awaitSnapshot(confidential.id(), s -> "RESOLVED".equals(s.status));
        assertEquals(0L, ((Number) Db.single("select count(*) from survey_invitation where request_id in (?1, ?2)",
                unsampled.id(), confidential.id())).longValue());
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/surveys").then().body("items", hasSize(0));
    }

    @Test
    void anExpiredInvitationCanNoLongerBeOpenedOrAnswered() {
        String person = "emp-" + UUID.randomUUID();
        RequestEvents.resolved(Request.of("payroll-query", "payroll", person), 1.0);
        String token = Surveys.awaitInvitation(person).path("token").asText();
        TimeTravel.ageInvitations(person, 29);
        given().when().get("/api/v1/surveys/" + token).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{\"csat\":5}").when().post("/api/v1/surveys/" + token + "/response")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/surveys").then().body("items", hasSize(0));
    }

    @Test
    void reopeningTheRequestWithdrawsTheOpenInvitation() {
        String person = "emp-" + UUID.randomUUID();
        Request request = Request.of("payroll-query", "payroll", person);
        RequestEvents.resolved(request, 1.0);
        String token = Surveys.awaitInvitation(person).path("token").asText();
        RequestEvents.reopened(request);
        Db.awaitSnapshot(request.id(), s -> "IN_PROGRESS".equals(s.status));
        given().when().get("/api/v1/surveys/" + token).then().statusCode(404);
        given().contentType(ContentType.JSON).body("{\"csat\":5}").when().post("/api/v1/surveys/" + token + "/response")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/surveys").then().body("items", hasSize(0));

        // Resolved again, the request earns a new invitation: a withdrawn one does not count against the throttle.
        RequestEvents.resolved(request, 1.0);
        JsonNode again = Surveys.awaitInvitation(person);
        assertTrue(!token.equals(again.path("token").asText()));
    }

    @Test
    void concurrentAnswersToOneTokenRecordExactlyOne() throws Exception {
        String person = "emp-" + UUID.randomUUID();
        Request request = Request.of("payroll-query", "payroll", person);
        RequestEvents.resolved(request, 1.0);
        String token = Surveys.awaitInvitation(person).path("token").asText();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                answers.add(pool.submit(() -> given().contentType(ContentType.JSON).body("{\"csat\":5}")
                        .when().post("/api/v1/surveys/" + token + "/response").then().extract().statusCode()));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        }
        assertEquals(1L, ((Number) Db.single("select count(*) from feedback where request_id = ?1", request.id())).longValue());
    }

    @Test
    void unknownTokensAndInvalidAnswersAreProblemsAndChangeNothing() {
        given().when().get("/api/v1/surveys/" + "A".repeat(43)).then().statusCode(404).contentType("application/problem+json");
        given().when().get("/api/v1/surveys/not-a-token").then().statusCode(404);
        String person = "emp-" + UUID.randomUUID();
        RequestEvents.resolved(Request.of("payroll-query", "payroll", person), 1.0);
        String token = Surveys.awaitInvitation(person).path("token").asText();
        given().contentType(ContentType.JSON).body("{\"ces\":3}").when().post("/api/v1/surveys/" + token + "/response")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("csat"));
        given().contentType(ContentType.JSON).body("{\"csat\":6,\"nps\":11,\"comment\":\"" + "x".repeat(2001) + "\"}")
                .when().post("/api/v1/surveys/" + token + "/response")
                .then().statusCode(400).body("errors.field", hasItem("csat")).body("errors.field", hasItem("nps"))
                .body("errors.field", hasItem("comment"));
        given().contentType(ContentType.JSON).body("{\"csat\":3,\"themes\":[\"weather\"]}")
                .when().post("/api/v1/surveys/" + token + "/response").then().statusCode(400);
        given().when().get("/api/v1/surveys/" + token).then().statusCode(200);
        given().when().get("/api/v1/surveys").then().statusCode(401);
    }
}
