package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.Release;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Feedback about a confidential request type: employee-relations specialists and its author only, never its text in an event. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ConfidentialFeedbackTest {

    @Test
    void confidentialFeedbackReachesOnlyErSpecialistsAndItsAuthor() {
        String team = "team-er-" + UUID.randomUUID();
        String type = "er-" + UUID.randomUUID().toString().substring(0, 8);
        Request concern = Request.of(type, team, null); // no requester: a confidential request in these fixtures
        RequestEvents.resolved(concern, 1.0);
        Db.awaitSnapshot(concern.id(), s -> s.confidential);
        String author = "emp-" + UUID.randomUUID();
        String signedMarker = "SignedMarker" + UUID.randomUUID().toString().substring(0, 8);
        String anonymousMarker = "AnonMarker" + UUID.randomUUID().toString().substring(0, 8);

        List<String> ids = new ArrayList<>();
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            String signed = give(type, author, false, "My manager " + signedMarker + " keeps shouting at me.");
            ids.add(signed);
            ids.add(give(type, "emp-" + UUID.randomUUID(), true, "The investigation " + anonymousMarker + " was handled badly."));
            for (int i = 0; i < 4; i++) {
                ids.add(give(type, "emp-" + UUID.randomUUID(), false, "Case " + signedMarker + " number " + i));
            }
            Release.anonymousFeedback();
            List<JsonNode> events = probe.await(6, Duration.ofSeconds(20), e -> ids.contains(e.path("subject").asText()));
            for (JsonNode event : events) {
                assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_RECEIVED, event.path("data")));
                assertTrue(event.path("data").path("confidential").asBoolean(), "flagged");
                assertFalse(event.path("data").hasNonNull("comment"), "no free text in the event");
            }
            for (ConsumerRecord<String, String> record : probe.records()) {
                assertFalse(record.value().contains(signedMarker) || record.value().contains(anonymousMarker), record.value());
            }

            for (String token : List.of(Tokens.of("agent-1", team, "hr-agent"), Tokens.of("lead-1", team, "hr-lead"),
                    Tokens.of("admin-1", "hr", "hr-admin"))) {
                given().auth().oauth2(token).when().get("/api/v1/feedback?requestType=" + type).then().statusCode(200)
                        .body("items", hasSize(0));
                given().auth().oauth2(token).when().get("/api/v1/feedback?team=" + team).then().body("items", hasSize(0));
                for (String id : ids) {
                    given().auth().oauth2(token).when().get("/api/v1/feedback/" + id).then().statusCode(404);
                }
            }
            given().auth().oauth2(Tokens.of("svc", null, "service")).when().get("/api/v1/feedback").then().statusCode(403);
            String er = Tokens.of("er-1", team, "er-specialist");
            given().auth().oauth2(er).when().get("/api/v1/feedback?requestType=" + type).then().statusCode(200).body("items", hasSize(6));
            given().auth().oauth2(er).when().get("/api/v1/feedback/" + signed).then().statusCode(200)
                    .body("comment", org.hamcrest.Matchers.containsString(signedMarker));
            given().auth().oauth2(Tokens.employee(author)).when().get("/api/v1/feedback/" + signed).then().statusCode(200);
            given().auth().oauth2(Tokens.employee(author)).when().get("/api/v1/feedback").then().body("items", hasSize(1));
            given().auth().oauth2(Tokens.employee("emp-" + UUID.randomUUID())).when().get("/api/v1/feedback/" + signed)
                    .then().statusCode(404);
        }

        // Insights: never by type; by team and overall only for employee-relations specialists.
        String lead = Tokens.of("lead-1", team, "hr-lead");
        String er = Tokens.of("er-1", team, "er-specialist");
        assertTrue(report(lead, "type").getList("groups.key").stream().noneMatch(type::equals));
        assertTrue(report(er, "type").getList("groups.key").stream().noneMatch(type::equals));
        assertTrue(report(lead, "team").getList("groups.key").stream().noneMatch(team::equals), "not even as a suppressed group");
        Map<String, Object> erTeam = report(er, "team").getMap("groups.find { it.key == '" + team + "' }");
        assertEquals(6, ((Number) erTeam.get("responses")).intValue());
        long leadOverall = report(lead, "team").getLong("overall.responses");
        long erOverall = report(er, "team").getLong("overall.responses");
        assertTrue(erOverall - leadOverall >= 6, "only the specialist's overall counts the confidential cell");
    }

    private static String give(String type, String person, boolean anonymous, String comment) {
        return given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"" + type + "\",\"csat\":1,\"comment\":\""
                        + comment + "\",\"anonymous\":" + anonymous + "}")
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    private static JsonPath report(String token, String groupBy) {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return given().auth().oauth2(token).when().get("/api/v1/insights?groupBy=" + groupBy + "&from=" + today + "&to=" + today)
                .then().statusCode(200).extract().jsonPath();
    }
}
