package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.Surveys;
import io.hrloop.feedback.support.TimeTravel;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** hr.improvement.implemented told back to signed contributors and to everyone; hr.person.erased honoured. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ClosingTheLoopTest {

    @Test
    void signedContributorsAreNotifiedOnceAndEveryoneSeesTheFeed() {
        String signer = "emp-" + UUID.randomUUID();
        String anonymous = "emp-" + UUID.randomUUID();
        String signed = submit(signer, false, "Payroll answers take too long.");
        String unsigned = submit(anonymous, true, "Payroll is too slow.");
        String surveyed = Surveys.respond("payroll-query", "payroll", "{\"csat\":2,\"comment\":\"Slow.\"}");
        String respondent = (String) Db.single("select author from feedback where id = ?1", UUID.fromString(surveyed));

        UUID improvement = UUID.randomUUID();
        ObjectNode event = RequestEvents.implemented(improvement, "Answer payroll queries faster", List.of(signed, unsigned, surveyed));
        RequestEvents.send("hr.improvements", improvement.toString(), event);
        RequestEvents.send("hr.improvements", improvement.toString(), event); // redelivered
        RequestEvents.send("hr.improvements", improvement.toString(),
                RequestEvents.implemented(improvement, "Answer payroll queries faster", List.of(signed, unsigned, surveyed)));
        Db.await(() -> ((Number) Db.single("select count(*) from inbox_event where event_type = 'hr.improvement.implemented' "
                + "and event_id = ?1", event.path("id").asText())).intValue(), n -> n == 1, "implemented event processed");
        Db.await(() -> ((Number) Db.single("select count(*) from notification where improvement_id = ?1", improvement)).intValue(),
                n -> n == 2, "two signed contributors notified");

        given().auth().oauth2(Tokens.employee(signer)).when().get("/api/v1/notifications").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].improvement.title", equalTo("Answer payroll queries faster"))
                .body("items[0].yourFeedback", equalTo(1));
        String notificationId = given().auth().oauth2(Tokens.employee(respondent)).when().get("/api/v1/notifications")
                .then().body("items", hasSize(1)).extract().path("items[0].id");
        given().auth().oauth2(Tokens.employee(signer)).when().post("/api/v1/notifications/" + notificationId + "/read")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.employee(respondent)).when().post("/api/v1/notifications/" + notificationId + "/read")
                .then().statusCode(200).body("readAt", notNullValue());
        given().auth().oauth2(Tokens.employee(anonymous)).when().get("/api/v1/notifications").then().body("items", hasSize(0));

        String feed = given().auth().oauth2(Tokens.employee(anonymous)).when().get("/api/v1/you-said-we-did?limit=100")
                .then().statusCode(200).extract().asString();
        assertTrue(feed.contains(improvement.toString()));
        assertFalse(feed.contains(signer) || feed.contains(respondent), "the feed names no one");
        given().auth().oauth2(Tokens.employee(anonymous)).when().get("/api/v1/you-said-we-did?limit=100")
                .then().body("items.find { it.improvementId == '" + improvement + "' }.feedbackCount", equalTo(3));
    }

    @Test
    void erasurePseudonymisesThePersonAndKeepsTheCounts() {
        String team = "team-" + UUID.randomUUID();
        String person = "emp-" + UUID.randomUUID();
        String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 8);
        RequestEvents.resolved(Request.of("payroll-query", team, person), 1.0);
        String feedbackId = Surveys.answer(Surveys.awaitInvitation(person).path("token").asText(),
                "{\"csat\":1,\"comment\":\"I am Jane Doe and this was awful.\"}");
        TimeTravel.ageInvitations(person, 8);
        RequestEvents.resolved(Request.of("leave-request", team, person), 1.0);
        String openToken = Surveys.awaitInvitation(person).path("token").asText();
        submit(person, false, "Signed and later erased.");
        UUID improvement = UUID.randomUUID();
        RequestEvents.send("hr.improvements", improvement.toString(), RequestEvents.implemented(improvement, "Better", List.of(feedbackId)));
        Db.await(() -> ((Number) Db.single("select count(*) from notification where improvement_id = ?1", improvement)).intValue(),
                n -> n == 1, "notified");
        List<Object[]> before = Db.rows("select grain, responses, csat_count, invitations from feedback_rollup "
                + "where dimension = 'TEAM' and dimension_key = ?1 order by grain", team);

        RequestEvents.erased(person, pseudonym);
        Db.await(() -> Anonymity.columnsMentioning(person), List::isEmpty, "every mention of the person replaced");

        assertEquals(pseudonym, Db.single("select author from feedback where id = ?1", UUID.fromString(feedbackId)));
        assertEquals(null, Db.single("select comment from feedback where id = ?1", UUID.fromString(feedbackId)),
                "what they wrote may name them");
        assertEquals(before.stream().map(java.util.Arrays::toString).toList(),
                Db.rows("select grain, responses, csat_count, invitations from feedback_rollup where dimension = 'TEAM' "
                        + "and dimension_key = ?1 order by grain", team).stream().map(java.util.Arrays::toString).toList(),
                "aggregates survive");
        given().when().get("/api/v1/surveys/" + openToken).then().statusCode(404);
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/feedback").then().body("items", hasSize(0));
        given().auth().oauth2(Tokens.of("agent-1", team, "hr-agent")).when().get("/api/v1/feedback/" + feedbackId)
                .then().statusCode(200).body("personId", equalTo(pseudonym)).body("csat", equalTo(1));
    }

    private static String submit(String person, boolean anonymous, String comment) {
        return given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"payroll-query\",\"csat\":2,\"comment\":\"" + comment
                        + "\",\"anonymous\":" + anonymous + "}")
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }
}
