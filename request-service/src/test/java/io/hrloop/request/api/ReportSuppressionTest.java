package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Small-number protection of the service-level report: a request type × team × ISO week with fewer than 5
 * requests is left out of every figure, periods are whole weeks, so no subtraction of groups, totals or
 * date ranges reveals a small group.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ReportSuppressionTest {

    @Inject
    MutableClock clock;

    String team;
    String big;
    String small;

    /** Week 9 of 2027 (from Monday 1 March): six of "big", two of "small"; week 10: two more of "big". */
    @BeforeEach
    void requests() {
        team = unique("team");
        String calendar = Api.calendar("[]");
        big = Api.type(team, false, 60, 480, calendar, 1.0);
        small = Api.type(team, false, 60, 480, calendar, 1.0);
        String person = unique("emp");
        clock.set(Instant.parse("2027-03-02T10:00:00Z"));
        for (int i = 0; i < 6; i++) {
            Api.submit(employee(person), big, "Payslip question");
        }
        Api.submit(employee(person), small, "Rare question");
        Api.submit(employee(person), small, "Rare question");
        clock.set(Instant.parse("2027-03-09T10:00:00Z"));
        Api.submit(employee(person), big, "Payslip question");
        Api.submit(employee(person), big, "Payslip question");
        clock.set(Instant.parse("2027-03-20T12:00:00Z"));
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    JsonPath report(Map<String, String> query) {
        return as(admin()).queryParams(query).get("/api/v1/service-levels").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aSmallGroupIsSuppressedAndLeftOutOfEveryTotal() {
        JsonPath byType = report(Map.of("team", team, "from", "2027-03-01T00:00:00Z", "to", "2027-03-15T00:00:00Z"));
        assertEquals(5, byType.getInt("minGroupSize"));
        Map<String, Object> bigGroup = group(byType, big);
        Map<String, Object> smallGroup = group(byType, small);
        assertEquals(6, bigGroup.get("requests"), "week 10's two requests of big are a small cell, left out");
        assertEquals(false, bigGroup.get("suppressed"));
        assertEquals(true, smallGroup.get("suppressed"));
        assertEquals(null, smallGroup.get("requests"));
        assertEquals(null, smallGroup.get("firstResponse"));
        assertEquals(null, smallGroup.get("resolution"));

        JsonPath byTeam = report(Map.of("groupBy", "team", "team", team, "from", "2027-03-01T00:00:00Z",
                "to", "2027-03-15T00:00:00Z"));
        assertEquals(6, group(byTeam, team).get("requests"), "the team's total minus big reveals nothing of small");
        Map<?, ?> teamFirstResponse = (Map<?, ?>) group(byTeam, team).get("firstResponse");
        Map<?, ?> bigFirstResponse = (Map<?, ?>) bigGroup.get("firstResponse");
        assertEquals(bigFirstResponse.get("pending"), teamFirstResponse.get("pending"));
        assertEquals(bigFirstResponse.get("breached"), teamFirstResponse.get("breached"));

        as(admin()).queryParam("type", big).queryParam("groupBy", "week").queryParam("from", "2027-03-01T00:00:00Z")
                .queryParam("to", "2027-03-15T00:00:00Z").get("/api/v1/service-levels").then()
                .body("groups.key", equalTo(List.of("2027-W09", "2027-W10")))
                .body("groups[0].requests", equalTo(6)).body("groups[1].suppressed", equalTo(true))
                .body("groups[1].requests", nullValue());
        as(admin()).queryParam("type", big).queryParam("groupBy", "month").queryParam("from", "2027-03-01T00:00:00Z")
                .queryParam("to", "2027-03-15T00:00:00Z").get("/api/v1/service-levels").then()
                .body("groups.key", equalTo(List.of("2027-03"))).body("groups[0].requests", equalTo(6));
    }

    @Test
    void overlappingDayRangesAreTheSameWholeWeeks() {
        JsonPath shortRange = report(Map.of("type", big, "from", "2027-03-03T00:00:00Z", "to", "2027-03-09T12:00:00Z"));
        JsonPath longRange = report(Map.of("type", big, "from", "2027-03-01T00:00:00Z", "to", "2027-03-15T00:00:00Z"));
        assertEquals("2027-03-01T00:00:00Z", shortRange.getString("from"));
        assertEquals("2027-03-15T00:00:00Z", shortRange.getString("to"));
        assertEquals(longRange.getList("groups"), shortRange.getList("groups"),
                "a range ending inside week 10 covers all of it: subtracting the two reveals nothing");
        JsonPath firstWeek = report(Map.of("type", big, "from", "2027-03-01T00:00:00Z", "to", "2027-03-08T00:00:00Z"));
        assertEquals(group(firstWeek, big).get("requests"), group(longRange, big).get("requests"),
                "week 10 alone is small: it is in no total, so the difference of the two ranges is zero");
        JsonPath secondWeek = report(Map.of("type", big, "from", "2027-03-08T00:00:00Z", "to", "2027-03-15T00:00:00Z"));
        assertEquals(true, group(secondWeek, big).get("suppressed"));
    }

    static Map<String, Object> group(JsonPath report, String key) {
        List<Map<String, Object>> groups = report.getList("groups");
        return groups.stream().filter(g -> key.equals(g.get("key"))).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + groups));
    }
}
