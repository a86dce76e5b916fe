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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.service.AutoCloser;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class WorkflowTest {

    @Inject
    MutableClock clock;
    @Inject
    AutoCloser autoCloser;

    String team;
    String type;
    String person;
    String agent;

    @BeforeEach
    void catalogue() {
        team = unique("team");
        type = Api.type(team, false, 60, 480, Api.calendar("[]"), 0.5);
        person = unique("emp");
        agent = unique("agent");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRequestGoesThroughItsLifecycleAndEveryChangeIsAnEvent() {
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            String id = Api.submit(employee(person), type, "Overtime missing");
            assign(agent(agent, team), id, agent).statusCode(200).body("status", equalTo("ASSIGNED"))
                    .body("owner", equalTo(agent));
            status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
            status(agent(agent, team), id, "WAITING_ON_CUSTOMER", null).statusCode(400);
            status(agent(agent, team), id, "WAITING_ON_CUSTOMER", "Please send your timesheet").statusCode(200)
                    .body("serviceLevel.paused", equalTo(true));
            comment(employee(person), id, "Attached", "PUBLIC").statusCode(201);
            read(employee(person), id).body("status", equalTo("IN_PROGRESS")).body("serviceLevel.paused", equalTo(false));
            status(agent(agent, team), id, "RESOLVED", "Corrected on the November payslip").statusCode(200)
                    .body("resolvedAt", notNullValue());
            status(employee(person), id, "CLOSED", null).statusCode(200).body("closedAt", notNullValue());

            List<JsonNode> events = probe.await(7, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            assertEquals(List.of("hr.request.submitted", "hr.request.assigned", "hr.request.status-changed",
                    "hr.request.status-changed", "hr.request.status-changed", "hr.request.resolved",
                    "hr.request.status-changed"), events.stream().map(e -> e.path("type").asText()).toList());
            for (JsonNode event : events) {
                EventCatalog type = EventCatalog.byType(event.path("type").asText()).orElseThrow();
                assertEquals(List.of(), EventSchemas.violations(type, event.path("data")), type.type());
            }
            JsonNode resolved = events.get(5).path("data");
            assertEquals(person, resolved.path("requester").asText());
            assertEquals("Overtime missing", resolved.path("subject").asText());
            assertEquals(0.5, resolved.path("surveySamplingRate").asDouble());
            assertEquals(team, resolved.path("team").asText());
            assertFalse(resolved.path("resolutionBreached").asBoolean());
            assertEquals("WAITING_ON_CUSTOMER", events.get(4).path("data").path("previousStatus").asText());
        }
    }

    @Test
    void anIllegalMoveIsAConflictThatListsTheAllowedOnes() {
        String id = Api.submit(employee(person), type, "Question");
        status(lead("lead-1", team), id, "RESOLVED", null).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://hrloop.dev/problems/illegal-transition"))
                .body("allowed", equalTo(List.of("ASSIGNED", "WITHDRAWN"))).body("from", equalTo("SUBMITTED"));
        status(lead("lead-1", team), id, "ASSIGNED", null).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/use-assignment"));
        assign(agent(agent, team), id, agent).statusCode(200);
        status(agent(agent, team), id, "DECLINED", null).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/use-decline"));
        status(agent(agent, team), id, "CLOSED", null).statusCode(409).body("allowed", equalTo(List.of("IN_PROGRESS", "DECLINED", "WITHDRAWN")));
        status(agent(agent, team), id, "SOMEWHERE", null).statusCode(400).contentType("application/problem+json");
        read(agent(agent, team), id).body("status", equalTo("ASSIGNED")).body("version", equalTo(1));
    }

    @Test
    void onlyTheOwnerOrALeadMovesARequest() {
        String id = Api.submit(employee(person), type, "Question");
        assign(agent(agent, team), id, agent).statusCode(200);
        status(agent("other-agent", team), id, "IN_PROGRESS", null).statusCode(403);
        status(employee(person), id, "IN_PROGRESS", null).statusCode(403);
        status(agent("stranger", unique("team")), id, "IN_PROGRESS", null).statusCode(404);
        status(lead("lead-2", team), id, "IN_PROGRESS", null).statusCode(200);
    }

    @Test
    void ownershipIsTakenGivenAndReassignedWithAReason() {
        String id = Api.submit(employee(person), type, "Question");
        assign(agent("other", team), id, agent).statusCode(403);
        assign(agent(agent, team), id, agent).statusCode(200);
        assign(agent("other", team), id, "other").statusCode(403);
        Api.staff("agent-b", team, "hr-agent");
        assign(lead("lead-3", team), id, "agent-b").statusCode(400)
                .body("type", equalTo("https://hrloop.dev/problems/reason-required"));
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            as(lead("lead-3", team)).body(Map.of("owner", "agent-b", "reason", "Holiday cover"))
                    .post("/api/v1/requests/" + id + "/assignment").then().statusCode(200)
                    .body("owner", equalTo("agent-b")).body("status", equalTo("ASSIGNED"));
            JsonNode data = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()))
                    .getFirst().path("data");
            assertEquals("agent-b", data.path("owner").asText());
            assertEquals(agent, data.path("previousOwner").asText());
            assertEquals("Holiday cover", data.path("reason").asText());
        }
        as(lead("lead-3", team)).get("/api/v1/requests/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'owner' && it.after == 'agent-b' }.note", equalTo("Holiday cover"))
                .body("items.find { it.field == 'owner' && it.after == 'agent-b' }.before", equalTo(agent));
    }

    @Test
    void twoAgentsRacingForARequestLeaveExactlyOneOwner() throws Exception {
        String id = Api.submit(employee(person), type, "Question");
        List<String> agents = List.of(unique("agent"), unique("agent"), unique("agent"));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            List<java.util.concurrent.Future<Integer>> takes = new java.util.ArrayList<>();
            for (String a : agents) {
                String token = agent(a, team);
                takes.add(pool.submit(() -> {
                    start.await();
                    return assign(token, id, a).extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new java.util.ArrayList<>();
            for (var take : takes) {
                codes.add(take.get());
            }
            assertEquals(1, codes.stream().filter(c -> c == 200).count(), codes.toString());
            codes.stream().filter(c -> c != 200).forEach(c -> assertTrue(c == 409 || c == 403, codes.toString()));
            String winner = agents.get(codes.indexOf(200));
            read(agent(winner, team), id).body("owner", equalTo(winner)).body("version", equalTo(1));
            assertEquals(1, probe.drain(Duration.ofSeconds(3), e -> id.equals(e.path("subject").asText())
                    && "hr.request.assigned".equals(e.path("type").asText())).size());
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        String id = Api.submit(employee(person), type, "Question");
        as(agent(agent, team)).header("If-Match", "\"0\"").body(Map.of("owner", agent))
                .post("/api/v1/requests/" + id + "/assignment").then().statusCode(200).header("ETag", "\"1\"");
        as(agent(agent, team)).header("If-Match", "\"0\"").body(Map.of("status", "IN_PROGRESS"))
                .post("/api/v1/requests/" + id + "/status").then().statusCode(412).body("currentVersion", equalTo(1));
        read(agent(agent, team), id).header("ETag", "\"1\"").body("status", equalTo("ASSIGNED"));
    }

    String resolvedRequest() {
        String id = Api.submit(employee(person), type, "Question");
        assign(agent(agent, team), id, agent).statusCode(200);
        status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
        status(agent(agent, team), id, "RESOLVED", "Done").statusCode(200);
        return id;
    }

    @Test
    void theRequesterReopensWithinTheWindowOnly() {
        String id = resolvedRequest();
        status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(403);
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            status(employee(person), id, "IN_PROGRESS", "Still wrong on the payslip").statusCode(200)
                    .body("resolvedAt", equalTo(null));
            JsonNode event = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())).getFirst();
            assertEquals("hr.request.reopened", event.path("type").asText());
            assertEquals("RESOLVED", event.path("data").path("previousStatus").asText());
        }
        status(agent(agent, team), id, "RESOLVED", "Fixed now").statusCode(200);
        clock.advance(Duration.ofDays(8));
        status(employee(person), id, "IN_PROGRESS", null).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/reopen-window-closed"));
    }

    @Test
    void resolvedRequestsCloseAutomaticallyAfterThePeriod() {
        String id = resolvedRequest();
        autoCloser.closeDue();
        read(employee(person), id).body("status", equalTo("RESOLVED"));
        clock.advance(Duration.ofDays(15));
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            autoCloser.closeDue();
            read(employee(person), id).body("status", equalTo("CLOSED"));
            JsonNode event = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())).getFirst();
            assertEquals("hr.request.status-changed", event.path("type").asText());
            assertEquals("CLOSED", event.path("data").path("status").asText());
        }
        as(employee(person)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.actor", hasItem("system")).body("items.after", hasItem("CLOSED"));
        comment(employee(person), id, "One more thing", "PUBLIC").statusCode(409);
    }
}
