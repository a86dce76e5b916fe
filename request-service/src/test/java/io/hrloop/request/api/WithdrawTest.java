package io.hrloop.request.api;

import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.comment;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.lead;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.service.SlaScanner;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The requester withdraws an open request: final, audited, announced, no verdict on its service levels, no survey. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class WithdrawTest {

    @Inject
    MutableClock clock;
    @Inject
    SlaScanner scanner;

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

    void at(String time) {
        clock.set(LocalDateTime.parse("2026-12-07T" + time).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    }

    @Test
    void theRequesterWithdrawsFromEveryOpenStatusAndThatIsFinal() {
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            String submitted = Api.submit(employee(person), type, "Submitted");
            String assigned = Api.submit(employee(person), type, "Assigned");
            String working = Api.submit(employee(person), type, "In progress");
            String waiting = Api.submit(employee(person), type, "Waiting");
            for (String id : List.of(assigned, working, waiting)) {
                assign(agent(agent, team), id, agent).statusCode(200);
            }
            for (String id : List.of(working, waiting)) {
                status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
            }
            status(agent(agent, team), waiting, "WAITING_ON_CUSTOMER", "Which month?").statusCode(200);
            List<String> ids = List.of(submitted, assigned, working, waiting);
            for (String id : ids) {
                status(employee(person), id, "WITHDRAWN", "Sorted out myself").statusCode(200)
                        .body("status", equalTo("WITHDRAWN")).body("allowedTransitions", equalTo(List.of()))
                        .body("serviceLevel.paused", equalTo(false));
            }
            // 4 submitted, 3 assigned, 3 moves, 4 withdrawals
            List<JsonNode> events = probe.await(14, Duration.ofSeconds(20), e -> ids.contains(e.path("subject").asText()))
                    .stream().filter(e -> e.path("data").path("status").asText().equals("WITHDRAWN")).toList();
            assertEquals(Map.of(submitted, "SUBMITTED", assigned, "ASSIGNED", working, "IN_PROGRESS", waiting,
                    "WAITING_ON_CUSTOMER"), events.stream().collect(java.util.stream.Collectors.toMap(
                            e -> e.path("subject").asText(), e -> e.path("data").path("previousStatus").asText())));
            for (JsonNode event : events) {
                assertEquals("hr.request.status-changed", event.path("type").asText(), "never resolved: never surveyed");
                assertEquals("WITHDRAWN", event.path("data").path("status").asText());
                assertEquals("Sorted out myself", event.path("data").path("note").asText());
                assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_STATUS_CHANGED, event.path("data")));
            }
            status(employee(person), working, "IN_PROGRESS", "Changed my mind").statusCode(409)
                    .body("type", equalTo("https://hrloop.dev/problems/illegal-transition"))
                    .body("from", equalTo("WITHDRAWN")).body("allowed", equalTo(List.of()));
            comment(employee(person), working, "One more thing", "PUBLIC").statusCode(409);
            assign(lead(unique("lead"), team), submitted, agent).statusCode(409);
            as(agent(agent, team)).body(Map.of("reason", "UNSAFE", "explanation", "x", "policyReference", "P-1"))
                    .post("/api/v1/requests/" + working + "/decline").then().statusCode(409);
            assertEquals(14, probe.drain(Duration.ofSeconds(2), e -> ids.contains(e.path("subject").asText())).size(),
                    "nothing after the withdrawals");
            as(employee(person)).get("/api/v1/requests/" + waiting + "/history").then().statusCode(200)
                    .body("items.find { it.field == 'status' && it.after == 'WITHDRAWN' }.actor", equalTo(person))
                    .body("items.find { it.field == 'status' && it.after == 'WITHDRAWN' }.note",
                            equalTo("Sorted out myself"));
        }
        as(employee(person)).queryParam("status", "WITHDRAWN").queryParam("requester", "me").get("/api/v1/requests")
                .then().statusCode(200).body("items.size()", equalTo(4));
    }

    @Test
    void theClocksStopWithoutAVerdictAndTheReportLeavesTheRequestOut() {
        at("09:00");
        for (int i = 0; i < 5; i++) { // a cell the report shows
            Api.submit(employee(person), type, "Question " + i);
        }
        String withdrawn = Api.submit(employee(person), type, "Never mind");
        at("16:00"); // past both due times (10:00 and 13:00)
        status(employee(person), withdrawn, "WITHDRAWN", null).statusCode(200)
                .body("serviceLevel.breached", equalTo(false)).body("serviceLevel.atRisk", equalTo(false))
                .body("serviceLevel.firstResponse.outcome", nullValue())
                .body("serviceLevel.resolution.outcome", nullValue())
                .body("serviceLevel.resolution.completedAt", notNullValue())
                .body("serviceLevel.resolution.elapsedMinutes", equalTo(420));
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            at("16:05");
            scanner.scan();
            assertEquals(List.of(), probe.drain(Duration.ofSeconds(3), e -> withdrawn.equals(e.path("subject").asText())
                    && e.path("type").asText().startsWith("hr.request.sla-")), "no breach announced for a withdrawn request");
        }
        clock.set(LocalDateTime.parse("2026-12-09T12:00").atZone(ZoneId.of("Europe/Berlin")).toInstant());
        read(employee(person), withdrawn).body("serviceLevel.resolution.elapsedMinutes", equalTo(420))
                .body("serviceLevel.breached", equalTo(false));
        as(agent(agent, team)).get("/api/v1/requests/" + withdrawn + "/service-level").then().statusCode(200)
                .body("consistent", equalTo(true));
        as(lead(unique("lead"), team)).queryParam("type", type).queryParam("from", "2026-12-07T00:00:00Z")
                .queryParam("to", "2026-12-14T00:00:00Z").get("/api/v1/service-levels").then().statusCode(200)
                .body("groups[0].requests", equalTo(5)).body("groups[0].resolution.breached", equalTo(5))
                .body("groups[0].resolution.pending", equalTo(0));
    }

    @Test
    void onlyTheRequestersSideWithdraws() {
        String manager = unique("mgr");
        String forThem = as(Api.manager(manager)).body(Map.of("type", type, "subject", "Parental leave for Alex",
                "description", "From March", "onBehalfOf", person)).post("/api/v1/requests").then().statusCode(201)
                .extract().path("id");
        assign(agent(agent, team), forThem, agent).statusCode(200);
        status(agent(agent, team), forThem, "WITHDRAWN", null).statusCode(403)
                .contentType("application/problem+json");
        status(lead(unique("lead"), team), forThem, "WITHDRAWN", null).statusCode(403);
        status(Api.admin(), forThem, "WITHDRAWN", null).statusCode(403);
        status(employee(unique("emp")), forThem, "WITHDRAWN", null).statusCode(404);
        read(agent(agent, team), forThem).body("status", equalTo("ASSIGNED"));
        status(employee(person), forThem, "WITHDRAWN", null).statusCode(200).body("status", equalTo("WITHDRAWN"));

        String byManager = as(Api.manager(manager)).body(Map.of("type", type, "subject", "Team offsite",
                "description", "Budget question", "onBehalfOf", person)).post("/api/v1/requests").then()
                .statusCode(201).extract().path("id");
        status(Api.manager(manager), byManager, "WITHDRAWN", null).statusCode(200);

        String resolved = Api.submit(employee(person), type, "Resolved already");
        assign(agent(agent, team), resolved, agent).statusCode(200);
        status(agent(agent, team), resolved, "IN_PROGRESS", null).statusCode(200);
        status(agent(agent, team), resolved, "RESOLVED", "Done").statusCode(200);
        status(employee(person), resolved, "WITHDRAWN", null).statusCode(409)
                .body("allowed", equalTo(List.of("IN_PROGRESS", "CLOSED")));
    }
}
