package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.Release;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.Surveys;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Insights from rollups: figures per team and type, small groups suppressed, rollups equal to the raw responses. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class InsightsTest {

    @Test
    void figuresPerTeamAndTypeWithSmallGroupsSuppressedAndConfidentialTypesHidden() {
        String team = "team-" + UUID.randomUUID();
        String type = "type-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        String smallTeam = "team-" + UUID.randomUUID();
        int[][] answers = { { 5, 10, 2 }, { 4, 9, 3 }, { 4, 6, 1 }, { 2, 3, 6 }, { 5, 8, 2 } };
        for (int[] a : answers) {
            Surveys.respond(type, team, "{\"csat\":" + a[0] + ",\"nps\":" + a[1] + ",\"ces\":" + a[2] + "}");
        }
        Surveys.respond(type, team, "{\"csat\":3,\"comment\":\"The reply was slow and unclear.\"}");
        // An invitation left unanswered counts for the response rate; a withdrawn one does not.
        String idle = "emp-" + UUID.randomUUID();
        RequestEvents.resolved(Request.of(type, team, idle), 1.0);
        Surveys.awaitInvitation(idle);
        String reopener = "emp-" + UUID.randomUUID();
        Request reopened = Request.of(type, team, reopener);
        RequestEvents.resolved(reopened, 1.0);
        Surveys.awaitInvitation(reopener);
        RequestEvents.reopened(reopened);
        Db.awaitSnapshot(reopened.id(), s -> "IN_PROGRESS".equals(s.status));
        // Feedback on a confidential type counts for its team, never under its type.
        Request confidential = Request.of(secret, team, null);
        RequestEvents.resolved(confidential, 1.0);
        Db.awaitSnapshot(confidential.id(), s -> true);
        given().auth().oauth2(Tokens.employee("emp-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"" + secret + "\",\"csat\":1,\"anonymous\":true}")
                .when().post("/api/v1/feedback").then().statusCode(201);
        Release.anonymousFeedback();
        for (int i = 0; i < 4; i++) {
            Surveys.respond(type, smallTeam, "{\"csat\":1}");
        }

        String lead = Tokens.of("lead-" + UUID.randomUUID(), team, "hr-lead");
        JsonPath byTeam = given().auth().oauth2(lead).when().get("/api/v1/insights?groupBy=team&from=" + today() + "&to=" + today())
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> mine = group(byTeam, team);
        // The confidential piece is a cell of one (suppressed), and an hr-lead sees no confidential cell anyway.
        assertEquals(6, ((Number) mine.get("responses")).intValue());
        assertEquals(66.667, ((Number) mine.get("csatPercent")).doubleValue(), 0.001, "4 of 6 CSAT answers are 4 or 5");
        assertEquals(0.0, ((Number) mine.get("nps")).doubleValue(), 0.001, "2 promoters, 2 detractors of 5");
        assertEquals(2.8, ((Number) mine.get("averageEffort")).doubleValue(), 0.001);
        assertEquals(0.857, ((Number) mine.get("responseRate")).doubleValue(), 0.001, "6 survey answers of 7 invitations");
        assertFalse((Boolean) mine.get("suppressed"));
        assertFalse(((List<?>) mine.get("trend")).isEmpty());
        Map<String, Object> small = group(byTeam, smallTeam);
        assertTrue((Boolean) small.get("suppressed"), "4 responses are fewer than 5");
        assertNull(small.get("responses"));
        assertNull(small.get("csatPercent"));

        JsonPath byType = given().auth().oauth2(lead).when().get("/api/v1/insights?groupBy=type&from=" + today() + "&to=" + today())
                .then().statusCode(200).extract().jsonPath();
        // The type's 4 answers in the small team are a cell of their own, suppressed here too: only the 6 count.
        assertEquals(6, ((Number) group(byType, type).get("responses")).intValue());
        assertTrue(byType.getList("groups.key").stream().noneMatch(secret::equals), "no confidential type by type");

        JsonPath byWeek = given().auth().oauth2(lead).when().get("/api/v1/insights?groupBy=week&from=" + today() + "&to=" + today())
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, byWeek.getList("groups").size());
        assertEquals(byWeek.getList("groups.key"), byWeek.getList("overall.trend.periodStart"));
        given().auth().oauth2(Tokens.employee("emp-1")).when().get("/api/v1/insights").then().statusCode(403);
        given().auth().oauth2(lead).when().get("/api/v1/insights?groupBy=planet").then().statusCode(400);
        given().auth().oauth2(lead).when().get("/api/v1/insights?from=2026-02-01&to=2026-01-01").then().statusCode(400);
    }

    @Test
    void rollupsEqualARecomputationFromTheRawResponses() {
        String team = "team-" + UUID.randomUUID();
        Surveys.respond("payroll-query", team, "{\"csat\":2,\"nps\":4,\"ces\":5,\"comment\":\"Still waiting, nobody replies. Ridiculous.\",\"themes\":[\"speed\"]}");
        Surveys.respond("leave-request", team, "{\"csat\":5,\"comment\":\"Lovely, quick and kind.\"}");
        given().auth().oauth2(Tokens.employee("emp-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"GENERAL\",\"nps\":10,\"comment\":\"The portal is much easier now.\",\"anonymous\":false}")
                .when().post("/api/v1/feedback").then().statusCode(201);
        // One statement, so rollups and raw rows are read from the same snapshot.
        List<Object[]> mismatches = Db.rows(RollupRecomputation.MISMATCHES);
        assertEquals(List.of(), mismatches.stream().map(java.util.Arrays::toString).toList());
        assertTrue(((Number) Db.single("select count(*) from feedback_rollup where dimension = 'TEAM' and dimension_key = ?1", team))
                .intValue() == 3, "a day, a week and a month row for the team");
    }

    private static String today() {
        return java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
    }

    private static Map<String, Object> group(JsonPath report, String key) {
        List<Map<String, Object>> groups = report.getList("groups");
        return groups.stream().filter(g -> key.equals(g.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key));
    }
}
