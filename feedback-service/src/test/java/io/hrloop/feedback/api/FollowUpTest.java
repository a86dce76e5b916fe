package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.Surveys;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Service recovery: a poor survey answer opens a follow-up the team's lead claims and closes. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class FollowUpTest {

    @Test
    void aPoorAnswerOpensAFollowUpForTheLeadOfTheRequestsTeam() {
        String team = "team-" + UUID.randomUUID();
        String person = "emp-" + UUID.randomUUID();
        Request request = Request.of("payroll-query", team, person);
        RequestEvents.resolved(request, 1.0);
        String token = Surveys.awaitInvitation(person).path("token").asText();
        String followUpId;
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            String feedbackId = Surveys.answer(token, "{\"csat\":2,\"comment\":\"Took three weeks and the amount is still wrong.\"}");
            JsonNode event = probe.await(1, Duration.ofSeconds(20), EventProbe.ofType("hr.feedback.follow-up-opened")
                    .and(e -> feedbackId.equals(e.path("data").path("feedbackId").asText()))).getFirst();
            JsonNode data = event.path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_FOLLOW_UP_OPENED, data));
            assertEquals(team, data.path("team").asText());
            assertEquals(request.reference(), data.path("reference").asText());
            assertEquals(2, data.path("csat").asInt());
            assertFalse(data.hasNonNull("assignee"), "no assignee yet");
            followUpId = data.path("followUpId").asText();
        }
        String lead = Tokens.of("lead-" + UUID.randomUUID(), team, "hr-lead");
        String otherLead = Tokens.of("lead-" + UUID.randomUUID(), team, "hr-lead");
        String strangerLead = Tokens.of("lead-" + UUID.randomUUID(), "team-" + UUID.randomUUID(), "hr-lead");

        given().auth().oauth2(lead).when().get("/api/v1/follow-ups").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", equalTo(followUpId)).body("items[0].status", equalTo("OPEN"))
                .body("items[0].personId", equalTo(person)).body("items[0].comment", equalTo("Took three weeks and the amount is still wrong."));
        given().auth().oauth2(strangerLead).when().get("/api/v1/follow-ups").then().body("items", hasSize(0));
        given().auth().oauth2(strangerLead).when().get("/api/v1/follow-ups/" + followUpId).then().statusCode(404);
        given().auth().oauth2(strangerLead).when().post("/api/v1/follow-ups/" + followUpId + "/claim").then().statusCode(404);
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/follow-ups").then().statusCode(403);

        String etag = given().auth().oauth2(lead).when().post("/api/v1/follow-ups/" + followUpId + "/claim").then()
                .statusCode(200).body("status", equalTo("CLAIMED")).extract().header("ETag");
        given().auth().oauth2(lead).when().post("/api/v1/follow-ups/" + followUpId + "/claim").then().statusCode(200);
        given().auth().oauth2(otherLead).when().post("/api/v1/follow-ups/" + followUpId + "/claim").then()
                .statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(otherLead).contentType(ContentType.JSON).body("{\"outcome\":\"RECOVERED\"}")
                .when().post("/api/v1/follow-ups/" + followUpId + "/close").then().statusCode(409);
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"note\":\"called\"}")
                .when().post("/api/v1/follow-ups/" + followUpId + "/close").then().statusCode(400);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", "\"0\"").body("{\"outcome\":\"RECOVERED\"}")
                .when().post("/api/v1/follow-ups/" + followUpId + "/close").then().statusCode(412);
        given().auth().oauth2(lead).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"outcome\":\"RECOVERED\",\"note\":\"Called her; corrected in this month's pay.\"}")
                .when().post("/api/v1/follow-ups/" + followUpId + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("outcome", equalTo("RECOVERED"));
        given().auth().oauth2(lead).contentType(ContentType.JSON).body("{\"outcome\":\"RECOVERED\"}")
                .when().post("/api/v1/follow-ups/" + followUpId + "/close").then().statusCode(409);
        given().auth().oauth2(Tokens.of("admin-1", null, "hr-admin")).when().get("/api/v1/follow-ups?team=" + team + "&status=CLOSED")
                .then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void aDetractorOpensOneAndASatisfiedAnswerDoesNot() {
        String team = "team-" + UUID.randomUUID();
        String happy = "emp-" + UUID.randomUUID();
        String detractor = "emp-" + UUID.randomUUID();
        RequestEvents.resolved(Request.of("leave-request", team, happy), 1.0);
        RequestEvents.resolved(Request.of("leave-request", team, detractor), 1.0);
        Surveys.answer(Surveys.awaitInvitation(happy).path("token").asText(), "{\"csat\":5,\"nps\":9}");
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            Surveys.answer(Surveys.awaitInvitation(detractor).path("token").asText(), "{\"csat\":4,\"nps\":5}");
            probe.await(1, Duration.ofSeconds(20), EventProbe.ofType("hr.feedback.follow-up-opened")
                    .and(e -> team.equals(e.path("data").path("team").asText())));
        }
        given().auth().oauth2(Tokens.of("lead-" + UUID.randomUUID(), team, "hr-lead")).when().get("/api/v1/follow-ups")
                .then().statusCode(200).body("items", hasSize(1)).body("items[0].nps", equalTo(5))
                .body("items[0].personId", equalTo(detractor));
    }
}
