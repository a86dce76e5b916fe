package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
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

/** Feedback given at any time: signed, or anonymous with nothing kept that could lead back to its author. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class UnsolicitedFeedbackTest {

    @Test
    void signedFeedbackAboutARequestTypeIsReadAndVisibleToItsAuthorAndHrOnly() {
        String team = "team-" + UUID.randomUUID();
        String type = "type-" + UUID.randomUUID().toString().substring(0, 8);
        Request seen = Request.of(type, team, "emp-" + UUID.randomUUID());
        RequestEvents.resolved(seen, 0.0);
        Db.awaitSnapshot(seen.id(), s -> true);
        String author = "emp-" + UUID.randomUUID();
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            String id = given().auth().oauth2(Tokens.employee(author)).contentType(ContentType.JSON)
                    .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"" + type + "\",\"csat\":1,"
                            + "\"comment\":\"Still waiting after three weeks and nobody replies to my emails. Ridiculous.\",\"anonymous\":false}")
                    .when().post("/api/v1/feedback")
                    .then().statusCode(201).body("personId", equalTo(author)).body("team", equalTo(team))
                    .body("requestType", equalTo(type)).body("frustrated", equalTo(true))
                    .body("sentimentClass", equalTo("NEGATIVE")).body("themes", hasItem("speed"))
                    .extract().path("id");
            JsonNode data = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())).getFirst().path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_RECEIVED, data));
            assertEquals("UNSOLICITED", data.path("source").asText());
            assertEquals(author, data.path("personId").asText());
            assertTrue(data.path("sentiment").asDouble() < -0.3);

            given().auth().oauth2(Tokens.employee(author)).when().get("/api/v1/feedback/" + id).then().statusCode(200);
            given().auth().oauth2(Tokens.employee(author)).when().get("/api/v1/feedback").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].id", equalTo(id));
            given().auth().oauth2(Tokens.employee("emp-" + UUID.randomUUID())).when().get("/api/v1/feedback/" + id)
                    .then().statusCode(404).contentType("application/problem+json");
            given().auth().oauth2(Tokens.of("agent-1", team, "hr-agent")).when().get("/api/v1/feedback?team=" + team)
                    .then().statusCode(200).body("items", hasSize(1)).body("items[0].personId", equalTo(author));
        }
    }

    @Test
    void anonymousFeedbackLeavesNoTraceOfItsAuthor() {
        String author = "anon-author-" + UUID.randomUUID();
        String body = "{\"subjectType\":\"PROCESS\",\"subjectKey\":\"expense claims\",\"csat\":2,"
                + "\"comment\":\"Far too many forms for a train ticket.\",\"anonymous\":true}";
        String key = "key-" + UUID.randomUUID();
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            String id = given().auth().oauth2(Tokens.employee(author)).contentType(ContentType.JSON)
                    .header("Idempotency-Key", key).header("X-Forwarded-For", "203.0.113.77").body(body)
                    .when().post("/api/v1/feedback")
                    .then().statusCode(201).body("personId", nullValue()).body("createdAt", nullValue())
                    .body("anonymous", equalTo(true)).extract().path("id");
            assertEquals(4, UUID.fromString(id).version(), "a random id, not a sequence");
            Release.anonymousFeedback();

            ConsumerRecord<String, String> record = awaitRecord(probe, id);
            JsonNode event = probe.await(1, Duration.ofSeconds(1), e -> id.equals(e.path("subject").asText())).getFirst();
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_RECEIVED, event.path("data")));
            assertFalse(event.path("data").hasNonNull("personId"), "no author in the event");
            assertFalse(record.value().contains(author), "the event names no one");
            Instant midnight = LocalDate.now(ZoneOffset.UTC).atStartOfDay().toInstant(ZoneOffset.UTC);
            assertEquals(midnight, Instant.parse(event.path("time").asText()), "the event time carries only the date");
            assertEquals(midnight.toEpochMilli(), record.timestamp(), "so does the Kafka record");

            // A retry with the same key returns the first result and records nothing more.
            given().auth().oauth2(Tokens.employee(author)).contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                    .when().post("/api/v1/feedback")
                    .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
            assertEquals(1, probe.drain(Duration.ofSeconds(2), e -> "hr.feedback.received".equals(e.path("type").asText())
                    && e.path("data").path("comment").asText().equals("Far too many forms for a train ticket.")).stream()
                    .filter(e -> e.path("subject").asText().equals(id)).count());

            assertEquals(List.of(), Anonymity.columnsMentioning(author), "no stored field names the author");
            assertEquals(List.of(), Anonymity.columnsMentioning("203.0.113.77"), "nor their address");
            List<Object[]> row = Db.rows("select author, created_at, received_on from feedback where id = ?1", UUID.fromString(id));
            assertNull(row.getFirst()[0]);
            assertNull(row.getFirst()[1]);
            assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), row.getFirst()[2].toString());

            given().auth().oauth2(Tokens.employee(author)).when().get("/api/v1/feedback/" + id).then().statusCode(404);
            given().auth().oauth2(Tokens.employee(author)).when().get("/api/v1/feedback").then().body("items", hasSize(0));
            given().auth().oauth2(Tokens.of("lead-1", "payroll", "hr-lead")).when().get("/api/v1/feedback/" + id)
                    .then().statusCode(200).body("personId", nullValue()).body("createdAt", nullValue())
                    .body("themes", hasItem("process"));
        }
    }

    @Test
    void invalidSubmissionsAreProblemsAndRecordNothing() {
        String author = "emp-" + UUID.randomUUID();
        for (String body : List.of(
                "{\"subjectType\":\"GENERAL\",\"subjectKey\":\"x\",\"csat\":3,\"anonymous\":false}",
                "{\"subjectType\":\"PROCESS\",\"csat\":3,\"anonymous\":false}",
                "{\"subjectType\":\"REQUEST\",\"csat\":3,\"anonymous\":false}",
                "{\"subjectType\":\"GENERAL\",\"anonymous\":false}",
                "{\"subjectType\":\"GENERAL\",\"csat\":3}",
                "{\"subjectType\":\"GENERAL\",\"csat\":0,\"anonymous\":false}",
                "{\"subjectType\":\"NOPE\",\"csat\":3,\"anonymous\":false}")) {
            given().auth().oauth2(Tokens.employee(author)).contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/feedback").then().statusCode(400).contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.employee(author)).when().get("/api/v1/feedback").then().body("items", hasSize(0));
        given().auth().oauth2(Tokens.of("agent-1", "payroll", "hr-agent")).when().get("/api/v1/feedback?sentiment=angry")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body("{}").when().post("/api/v1/feedback").then().statusCode(401);
    }

    private static ConsumerRecord<String, String> awaitRecord(EventProbe probe, String id) {
        probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
        return probe.records().stream().filter(r -> id.equals(r.key())).findFirst().orElseThrow();
    }
}
