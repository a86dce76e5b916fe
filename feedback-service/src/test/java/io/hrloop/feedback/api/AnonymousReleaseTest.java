package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.Metrics;
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

/** Anonymous feedback is out of sight (lists, reads, insights, rollups, metrics, events) until its release batch. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class AnonymousReleaseTest {

    @Test
    void anonymousFeedbackAppearsOnlyWithItsReleaseBatch() {
        String team = "team-" + UUID.randomUUID();
        String type = "type-" + UUID.randomUUID().toString().substring(0, 8);
        Request seen = Request.of(type, team, "emp-" + UUID.randomUUID());
        RequestEvents.resolved(seen, 0.0);
        Db.awaitSnapshot(seen.id(), s -> true);
        String hr = Tokens.of("agent-" + UUID.randomUUID(), team, "hr-agent");
        double receivedBefore = Metrics.sum("hrloop_feedback_received_total");

        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String comment = "Held back until the batch " + i + ": the forms are far too long.";
                ids.add(given().auth().oauth2(Tokens.employee("emp-" + UUID.randomUUID())).contentType(ContentType.JSON)
                        .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"" + type + "\",\"csat\":2,\"comment\":\""
                                + comment + "\",\"anonymous\":true}")
                        .when().post("/api/v1/feedback")
                        .then().statusCode(201).body("comment", equalTo(comment)).body("anonymous", equalTo(true))
                        .body("personId", nullValue()).extract().path("id"));
            }

            // Before the release: nowhere to be seen.
            given().auth().oauth2(hr).when().get("/api/v1/feedback?team=" + team).then().statusCode(200).body("items", hasSize(0));
            given().auth().oauth2(hr).when().get("/api/v1/feedback?requestType=" + type + "&anonymous=true")
                    .then().body("items", hasSize(0));
            for (String id : ids) {
                given().auth().oauth2(hr).when().get("/api/v1/feedback/" + id).then().statusCode(404)
                        .contentType("application/problem+json");
            }
            assertTrue(groupKeys(hr, "type").stream().noneMatch(type::equals), "no insight group");
            assertTrue(groupKeys(hr, "team").stream().noneMatch(team::equals), "no insight group");
            assertEquals(0L, rollupRows(type, team), "no rollup row");
            assertEquals(receivedBefore, Metrics.sum("hrloop_feedback_received_total"), "no business metric");
            assertEquals(List.of(), probe.drain(Duration.ofSeconds(3), e -> ids.contains(e.path("subject").asText())), "no event");

            Release.anonymousFeedback();

            given().auth().oauth2(hr).when().get("/api/v1/feedback?team=" + team).then().body("items", hasSize(5))
                    .body("items.personId", equalTo(java.util.Collections.nCopies(5, null)));
            given().auth().oauth2(hr).when().get("/api/v1/feedback/" + ids.getFirst()).then().statusCode(200)
                    .body("anonymous", equalTo(true)).body("createdAt", nullValue());
            assertTrue(rollupRows(type, team) > 0);
            JsonPath byType = given().auth().oauth2(hr).when().get("/api/v1/insights?groupBy=type&from=" + today() + "&to=" + today())
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(5, byType.getInt("groups.find { it.key == '" + type + "' }.responses"));
            assertEquals(receivedBefore + 5, Metrics.sum("hrloop_feedback_received_total"), 0.001);
            List<JsonNode> events = probe.await(5, Duration.ofSeconds(20), e -> ids.contains(e.path("subject").asText()));
            assertEquals(Set.copyOf(ids), Set.copyOf(events.stream().map(e -> e.path("subject").asText()).toList()));
            assertEquals(List.of(), Db.rows(RollupRecomputation.MISMATCHES).stream().map(java.util.Arrays::toString).toList(),
                    "the rollups equal the feedback in sight");
        }
        // A second release has nothing left to count.
        long rows = rollupRows(type, team);
        Release.anonymousFeedback();
        assertEquals(rows, rollupRows(type, team));
        assertEquals(0L, ((Number) Db.single("select count(*) from feedback where not released and request_type = ?1", type))
                .longValue());
    }

    @Test
    void theReleaseRunsOnceAcrossReplicas() {
        // Another replica holding the job's lock: this one skips the round and leaves the batch for the holder.
        String type = "type-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().auth().oauth2(Tokens.employee("emp-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"PROCESS\",\"subjectKey\":\"" + type + "\",\"csat\":4,\"anonymous\":true}")
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> {
            Object held = io.quarkus.arc.Arc.container().instance(jakarta.persistence.EntityManager.class).get()
                    .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended('hrloop-job:anonymous-release', 7))")
                    .getSingleResult();
            assertEquals(Boolean.TRUE, held);
            Release.anonymousFeedbackInAnotherThread();
            assertEquals(Boolean.FALSE, Db.single("select released from feedback where id = ?1", UUID.fromString(id)));
        });
        Release.anonymousFeedback();
        assertEquals(Boolean.TRUE, Db.single("select released from feedback where id = ?1", UUID.fromString(id)));
    }

    private static List<String> groupKeys(String token, String groupBy) {
        return given().auth().oauth2(token).when().get("/api/v1/insights?groupBy=" + groupBy + "&from=" + today() + "&to=" + today())
                .then().statusCode(200).extract().jsonPath().getList("groups.key");
    }

    private static long rollupRows(String type, String team) {
        return ((Number) Db.single("select count(*) from feedback_rollup where dimension_key in (?1, ?2) "
                + "or dimension_key like ?3", type, team, team + "%")).longValue();
    }

    private static String today() {
        return LocalDate.now(ZoneOffset.UTC).toString();
    }
}
