package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.TimeTravel;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Small-number protection of insights: every published figure is a sum of publishable (team, type, ISO week)
 * cells, so a small group never shows, never moves a total, and ranges cannot be subtracted down to it.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SmallNumbersTest {

    private static final List<String> GROUPINGS = List.of("type", "team", "week", "month");
    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);
    private static final LocalDate MONDAY = TODAY.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);

    @Test
    void aGroupOfFourIsSuppressedAndCannotBeRecoveredFromTheTotal() {
        String big = "team-" + UUID.randomUUID();
        String bigType = known(big);
        for (int i = 0; i < 6; i++) {
            give(bigType, 5);
        }
        Map<String, JsonPath> before = everyReport(MONDAY.minusWeeks(1), SUNDAY);

        String small = "team-" + UUID.randomUUID();
        String smallType = known(small);
        for (int i = 0; i < 4; i++) {
            give(smallType, 1);
        }
        Map<String, JsonPath> after = everyReport(MONDAY.minusWeeks(1), SUNDAY);

        Map<String, Object> smallTeam = group(after.get("team"), small);
        assertEquals(true, smallTeam.get("suppressed"), "4 responses are fewer than 5");
        assertNull(smallTeam.get("responses"));
        assertNull(smallTeam.get("csatPercent"));
        assertEquals(true, group(after.get("type"), smallType).get("suppressed"));
        assertEquals(6, ((Number) group(after.get("team"), big).get("responses")).intValue());
        for (String grouping : GROUPINGS) {
            assertEquals(before.get(grouping).getMap("overall"), after.get(grouping).getMap("overall"),
                    "the total by " + grouping + " is the same without and with the small group: total minus the "
                            + "published groups tells nothing of it");
            assertEquals(published(before.get(grouping)), published(after.get(grouping)), "no published group moved");
        }
    }

    @Test
    void rangesSnapToWholeIsoWeeksSoOneDayMoreOrLessChangesNothing() {
        String team = "team-" + UUID.randomUUID();
        String type = known(team);
        for (int i = 0; i < 5; i++) {
            give(type, 2 + i % 4);
        }
        String lead = Tokens.of("lead-" + UUID.randomUUID(), team, "hr-lead");
        for (String grouping : GROUPINGS) {
            JsonPath week = report(lead, grouping, MONDAY, SUNDAY);
            assertEquals(MONDAY.toString(), week.getString("from"));
            assertEquals(SUNDAY.toString(), week.getString("to"));
            for (LocalDate[] range : List.of(new LocalDate[] { MONDAY.plusDays(1), SUNDAY },
                    new LocalDate[] { MONDAY, SUNDAY.minusDays(1) }, new LocalDate[] { TODAY, TODAY })) {
                JsonPath other = report(lead, grouping, range[0], range[1]);
                assertEquals(range[0].toString(), other.getString("requestedFrom"));
                assertEquals(MONDAY.toString(), other.getString("from"), "snapped back to Monday");
                assertEquals(SUNDAY.toString(), other.getString("to"), "snapped forward to Sunday");
                assertEquals(week.getMap("overall"), other.getMap("overall"), grouping);
                assertEquals(week.getList("groups"), other.getList("groups"), grouping);
            }
        }
    }

    @Test
    void aWeekWithTwoResponsesChangesNoPublishedFigure() {
        String team = "team-" + UUID.randomUUID();
        String type = known(team);
        for (int i = 0; i < 5; i++) {
            give(type, 4);
        }
        Map<String, JsonPath> before = everyReport(MONDAY.minusWeeks(1), SUNDAY);
        JsonPath lastWeekBefore = report(Tokens.of("lead-1", team, "hr-lead"), "week", MONDAY.minusWeeks(1), MONDAY.minusDays(1));

        // Two answers in last week's cell of the same team and type: a publishable group, a suppressed cell.
        for (int i = 0; i < 2; i++) {
            TimeTravel.ageFeedback(UUID.fromString(give(type, 1)), 7);
        }
        assertEquals(2L, ((Number) Db.single("select responses from feedback_rollup where grain = 'WEEK' and dimension = 'TEAM' "
                + "and dimension_key = ?1 and period_start = ?2", team, MONDAY.minusWeeks(1))).longValue(), "they are recorded");
        Map<String, JsonPath> after = everyReport(MONDAY.minusWeeks(1), SUNDAY);
        for (String grouping : GROUPINGS) {
            assertEquals(before.get(grouping).getMap("overall"), after.get(grouping).getMap("overall"), grouping);
            assertEquals(before.get(grouping).getList("groups"), after.get(grouping).getList("groups"), grouping);
        }
        assertEquals(lastWeekBefore.getList("groups"),
                report(Tokens.of("lead-1", team, "hr-lead"), "week", MONDAY.minusWeeks(1), MONDAY.minusDays(1)).getList("groups"));
        assertEquals(5, ((Number) group(after.get("team"), team).get("responses")).intValue());
        assertEquals(100.0, ((Number) group(after.get("team"), team).get("csatPercent")).doubleValue(), 0.001);
    }

    /** A fresh request type of {@code team}, known to the service (a resolved request, not surveyed). */
    private static String known(String team) {
        String type = "type-" + UUID.randomUUID().toString().substring(0, 8);
        Request seen = Request.of(type, team, "emp-" + UUID.randomUUID());
        RequestEvents.resolved(seen, 0.0);
        Db.awaitSnapshot(seen.id(), s -> true);
        return type;
    }

    /** Signed feedback on {@code type} by a fresh person; its id. */
    private static String give(String type, int csat) {
        return given().auth().oauth2(Tokens.employee("emp-" + UUID.randomUUID())).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"REQUEST_TYPE\",\"subjectKey\":\"" + type + "\",\"csat\":" + csat + ",\"anonymous\":false}")
                .when().post("/api/v1/feedback").then().statusCode(201).extract().path("id");
    }

    private static Map<String, JsonPath> everyReport(LocalDate from, LocalDate to) {
        String hr = Tokens.of("agent-" + UUID.randomUUID(), "any", "hr-agent");
        Map<String, JsonPath> reports = new LinkedHashMap<>();
        GROUPINGS.forEach(grouping -> reports.put(grouping, report(hr, grouping, from, to)));
        return reports;
    }

    private static JsonPath report(String token, String groupBy, LocalDate from, LocalDate to) {
        return given().auth().oauth2(token).when().get("/api/v1/insights?groupBy=" + groupBy + "&from=" + from + "&to=" + to)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The groups of a report that are published (not suppressed). */
    private static List<Map<String, Object>> published(JsonPath report) {
        List<Map<String, Object>> groups = new ArrayList<>(report.getList("groups"));
        groups.removeIf(g -> Boolean.TRUE.equals(g.get("suppressed")));
        return groups;
    }

    private static Map<String, Object> group(JsonPath report, String key) {
        List<Map<String, Object>> groups = report.getList("groups");
        Map<String, Object> found = groups.stream().filter(g -> key.equals(g.get("key"))).findFirst().orElse(null);
        assertTrue(found != null, "no group " + key);
        return found;
    }
}
