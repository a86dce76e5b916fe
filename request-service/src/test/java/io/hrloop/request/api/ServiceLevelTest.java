package io.hrloop.request.api;

import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.comment;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.service.SlaScanner;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Management;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ServiceLevelTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    MutableClock clock;
    @Inject
    SlaScanner scanner;
    @Inject
    AgroalDataSource dataSource;

    String team;
    String type;
    String person;
    String agent;

    @BeforeEach
    void catalogue() {
        team = unique("team");
        type = Api.type(team, false, 60, 240);
        person = unique("emp");
        agent = unique("agent");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** Monday 7 December 2026 at the given local time in Berlin. */
    void at(String time) {
        clock.set(LocalDateTime.parse("2026-12-07T" + time).atZone(BERLIN).toInstant());
    }

    static Instant berlin(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
    }

    static Instant instant(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    @Test
    void timeWaitingOnTheCustomerDoesNotCount() {
        at("09:00");
        String id = Api.submit(employee(person), type, "Question");
        assertEquals(berlin("2026-12-07T13:00"), instant(read(agent(agent, team), id).extract().path("serviceLevel.resolutionDue")));
        at("10:00");
        assign(agent(agent, team), id, agent).statusCode(200);
        status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
        status(agent(agent, team), id, "WAITING_ON_CUSTOMER", "Which month?").statusCode(200)
                .body("serviceLevel.paused", equalTo(true)).body("serviceLevel.firstResponse.outcome", equalTo("ATTAINED"));
        at("16:00");
        read(agent(agent, team), id).body("serviceLevel.resolution.elapsedMinutes", equalTo(60));
        clock.set(berlin("2026-12-08T11:00"));
        comment(employee(person), id, "October", "PUBLIC").statusCode(201);
        var view = read(agent(agent, team), id).body("status", equalTo("IN_PROGRESS"))
                .body("serviceLevel.paused", equalTo(false)).extract();
        assertEquals(berlin("2026-12-08T14:00"), instant(view.path("serviceLevel.resolutionDue")),
                "one hour used on Monday, three left from Tuesday 11:00");
        clock.set(berlin("2026-12-08T13:30"));
        status(agent(agent, team), id, "RESOLVED", "Fixed").statusCode(200)
                .body("serviceLevel.resolution.outcome", equalTo("ATTAINED"))
                .body("serviceLevel.resolution.elapsedMinutes", equalTo(210));
    }

    @Test
    void twoSchedulerInstancesAnnounceABreachExactlyOnce() throws Exception {
        at("09:00");
        String id = Api.submit(employee(person), type, "Overdue question");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            at("10:30");
            scanConcurrently();
            at("12:15");
            scanConcurrently();
            List<JsonNode> events = probe.drain(Duration.ofSeconds(4), e -> id.equals(e.path("subject").asText()));
            List<JsonNode> breached = events.stream().filter(EventProbe.ofType("hr.request.sla-breached")).toList();
            List<JsonNode> atRisk = events.stream().filter(EventProbe.ofType("hr.request.sla-at-risk")).toList();
            assertEquals(1, breached.size(), "one breach of the first-response target");
            assertEquals(1, atRisk.size(), "one warning for the resolution target, none for the breached one");
            JsonNode breach = breached.getFirst().path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_SLA_BREACHED, breach));
            assertEquals("FIRST_RESPONSE", breach.path("target").asText());
            assertEquals(60, breach.path("targetMinutes").asInt());
            assertEquals(berlin("2026-12-07T10:00"), instant(breach.path("dueAt").asText()));
            assertEquals(type, breach.path("requestType").asText());
            JsonNode warning = atRisk.getFirst().path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_SLA_AT_RISK, warning));
            assertEquals("RESOLUTION", warning.path("target").asText());
        }
        Management.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("hrloop_request_sla_breached_total{target=\"FIRST_RESPONSE\",team=\"" + team + "\"} 1.0"));
        read(agent(agent, team), id).body("serviceLevel.breached", equalTo(true)).body("serviceLevel.atRisk", equalTo(true))
                .body("serviceLevel.firstResponse.outcome", equalTo("BREACHED"));
        as(agent(agent, team)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.find { it.field == 'serviceLevel.firstResponse' }.after", equalTo("BREACHED"))
                .body("items.find { it.field == 'serviceLevel.resolution' }.after", equalTo("AT_RISK"));
    }

    void scanConcurrently() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SlaScanner.ScanResult>> runs = List.of(pool.submit(() -> {
                start.await();
                return scanner.scan();
            }), pool.submit(() -> {
                start.await();
                return scanner.scan();
            }));
            start.countDown();
            for (Future<SlaScanner.ScanResult> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aLateResolutionIsABreachEvenBeforeTheSchedulerNoticed() {
        at("09:00");
        String id = Api.submit(employee(person), type, "Question");
        assign(agent(agent, team), id, agent).statusCode(200);
        status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
        at("16:00");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            status(agent(agent, team), id, "RESOLVED", "Done").statusCode(200)
                    .body("serviceLevel.firstResponse.outcome", equalTo("BREACHED"))
                    .body("serviceLevel.resolution.outcome", equalTo("BREACHED"));
            List<JsonNode> events = probe.await(3, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            assertEquals(List.of("hr.request.sla-breached", "hr.request.sla-breached", "hr.request.resolved"),
                    events.stream().map(e -> e.path("type").asText()).toList());
            assertTrue(events.get(2).path("data").path("resolutionBreached").asBoolean());
            scanner.scan();
            assertEquals(3, probe.drain(Duration.ofSeconds(2), e -> id.equals(e.path("subject").asText())).size());
        }
    }

    @Test
    void theServiceLevelStateRecomputedFromTheHistoryEqualsTheLiveState() {
        at("09:00");
        String id = Api.submit(employee(person), type, "Question");
        at("10:30");
        scanner.scan();
        at("11:00");
        assign(agent(agent, team), id, agent).statusCode(200);
        status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
        comment(agent(agent, team), id, "Looking into it", "PUBLIC").statusCode(201);
        status(agent(agent, team), id, "WAITING_ON_CUSTOMER", "Payslip please").statusCode(200);
        clock.set(berlin("2026-12-08T09:30"));
        comment(employee(person), id, "Attached", "PUBLIC").statusCode(201);
        clock.set(berlin("2026-12-08T11:00"));
        scanner.scan();
        status(agent(agent, team), id, "RESOLVED", "Done").statusCode(200);
        clock.set(berlin("2026-12-09T10:00"));
        status(employee(person), id, "IN_PROGRESS", "Still wrong").statusCode(200);
        clock.set(berlin("2026-12-09T17:00"));
        scanner.scan();

        var check = as(agent(agent, team)).get("/api/v1/requests/" + id + "/service-level").then().statusCode(200)
                .body("consistent", equalTo(true)).extract();
        assertEquals(check.jsonPath().getMap("live").toString(), check.jsonPath().getMap("recomputed").toString());
        assertEquals("BREACHED", check.path("live.firstResponse.outcome"));
        assertEquals("BREACHED", check.path("live.resolution.outcome"));
        as(employee(person)).get("/api/v1/requests/" + id + "/service-level").then().statusCode(403);
    }

    @Test
    void aCorruptedLiveStateIsReportedInconsistent() throws Exception {
        String id = Api.submit(employee(person), type, "Question");
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.executeUpdate("update hr_request set res_elapsed_seconds = 999 where id = '" + id + "'");
        }
        as(agent(agent, team)).get("/api/v1/requests/" + id + "/service-level").then().statusCode(200)
                .body("consistent", equalTo(false));
    }

    @Test
    void theReportShowsAttainmentAndTheGapByTypeTeamAndPeriod() {
        at("09:00");
        // three on time and three late: six requests, a group the report shows (see its small-number rule)
        List<String> onTimes = List.of(Api.submit(employee(person), type, "On time"),
                Api.submit(employee(person), type, "On time"), Api.submit(employee(person), type, "On time"));
        String late = Api.submit(employee(person), type, "Late");
        Api.submit(employee(person), type, "Late");
        Api.submit(employee(person), type, "Late");
        at("09:30");
        for (String onTime : onTimes) {
            assign(agent(agent, team), onTime, agent).statusCode(200);
            status(agent(agent, team), onTime, "IN_PROGRESS", null).statusCode(200);
            status(agent(agent, team), onTime, "RESOLVED", "Done").statusCode(200);
        }
        at("16:00");
        var report = as(Api.lead(unique("lead"), team)).queryParam("from", "2026-12-01T00:00:00Z")
                .queryParam("to", "2026-12-31T00:00:00Z").queryParam("type", type)
                .get("/api/v1/service-levels").then().statusCode(200)
                .body("groupBy", equalTo("type")).body("groups.key", equalTo(List.of(type)))
                .body("groups[0].requests", equalTo(6))
                .body("groups[0].firstResponse.attained", equalTo(3)).body("groups[0].firstResponse.breached", equalTo(3))
                .body("groups[0].resolution.pending", equalTo(0)).body("groups[0].resolution.breached", equalTo(3))
                .extract();
        assertEquals(0.5f, (Float) report.path("groups[0].firstResponse.attainment"));
        assertEquals(-0.4f, (Float) report.path("groups[0].firstResponse.gapToGoal"));
        assertEquals(-210.0f, (Float) report.path("groups[0].resolution.averageOverrunMinutes"));
        as(Api.admin()).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-12-31T00:00:00Z")
                .queryParam("groupBy", "team").queryParam("team", team).get("/api/v1/service-levels").then()
                .body("groups.key", equalTo(List.of(team)));
        as(Api.admin()).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-12-31T00:00:00Z")
                .queryParam("groupBy", "month").queryParam("type", type).get("/api/v1/service-levels").then()
                .body("groups.key", equalTo(List.of("2026-12"))).body("groups[0].requests", equalTo(6));
        as(Api.admin()).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-12-31T00:00:00Z")
                .queryParam("groupBy", "week").queryParam("type", type).get("/api/v1/service-levels").then()
                .body("groups.key", equalTo(List.of("2026-W50")));
        as(agent(unique("agent"), unique("team"))).queryParam("type", type).queryParam("from", "2026-12-01T00:00:00Z")
                .get("/api/v1/service-levels").then().body("groups", equalTo(List.of()));
        as(Api.admin()).queryParam("groupBy", "colour").get("/api/v1/service-levels").then().statusCode(400);
        as(employee(person)).get("/api/v1/service-levels").then().statusCode(403);
        read(employee(person), late).body("serviceLevel.breached", equalTo(true));
    }

    @Test
    void aLeadCountsTheTeamsRequestsAndThoseOfAnotherTeamTheyStillOwnEachOnce() {
        String lead = unique("lead");
        String formerTeam = unique("team");
        String formerType = Api.type(formerTeam, false, 60, 240);
        at("09:00");
        Api.staff(lead, formerTeam, "hr-agent");
        for (int i = 0; i < 6; i++) { // five of them theirs: a group the report shows (see its small-number rule)
            String id = Api.submit(employee(person), formerType, "Before the move");
            if (i < 5) {
                assign(agent(lead, formerTeam), id, lead).statusCode(200);
            }
        }
        Api.staff(lead, team, "hr-lead", "hr-agent"); // moved on, still owning those five
        for (int i = 0; i < 5; i++) {
            String id = Api.submit(employee(person), type, "After the move");
            if (i == 0) {
                assign(Api.lead(lead, team), id, lead).statusCode(200); // theirs and their team's: counted once
            }
        }
        as(Api.lead(lead, team)).queryParam("groupBy", "team").queryParam("from", "2026-12-01T00:00:00Z")
                .queryParam("to", "2026-12-31T00:00:00Z").get("/api/v1/service-levels").then().statusCode(200)
                .body("groups.find { it.key == '" + team + "' }.requests", equalTo(5))
                .body("groups.find { it.key == '" + formerTeam + "' }.requests", equalTo(5));
    }

    @Test
    void confidentialCasesCountOnlyForErSpecialists() {
        String erType = Api.type(unique("er"), true, 60, 240);
        at("09:00");
        for (int i = 0; i < 5; i++) { // five: a group the report shows (see its small-number rule)
            Api.submit(employee(person), erType, "Concern");
        }
        at("09:05");
        as(Api.admin()).queryParam("type", erType).queryParam("from", "2026-12-01T00:00:00Z")
                .get("/api/v1/service-levels").then().statusCode(200).body("groups", equalTo(List.of()));
        as(Api.erSpecialist(unique("er"))).queryParam("type", erType).queryParam("from", "2026-12-01T00:00:00Z")
                .get("/api/v1/service-levels").then().statusCode(200).body("groups[0].requests", equalTo(5))
                .body("groups.key", hasItem(erType));
    }
}
