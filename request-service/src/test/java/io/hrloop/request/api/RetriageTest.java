package io.hrloop.request.api;

import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.lead;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Re-triage: the team follows the type, the owner must fit the new team, targets count the time already used. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RetriageTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Inject
    MutableClock clock;

    String teamA;
    String teamB;
    String typeA;
    String typeB;
    String person;
    String agentA;

    @BeforeEach
    void catalogue() {
        teamA = unique("team");
        teamB = unique("team");
        typeA = Api.type(teamA, false, 60, 480);
        String early = unique("cal");
        as(Api.admin()).body("""
                {"key":"%s","name":"Early office","zone":"Europe/Berlin","workingHours":%s,"holidays":[]}"""
                .formatted(early, Api.OFFICE_HOURS.replace("09:00", "08:00").replace("17:00", "16:00")))
                .post("/api/v1/calendars").then().statusCode(201);
        typeB = Api.type(teamB, false, 30, 120, early, 1.0);
        person = unique("emp");
        agentA = unique("agent");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Instant berlin(String time) {
        return LocalDateTime.parse("2026-12-07T" + time).atZone(BERLIN).toInstant();
    }

    static Instant instant(Object offsetDateTime) {
        return OffsetDateTime.parse((String) offsetDateTime).toInstant();
    }

    /** PATCH with If-Match carrying the current ETag (read by the caller, or by someone who sees the request). */
    static ValidatableResponse retriage(String token, String id, Map<String, ?> body) {
        return as(token).header("If-Match", etag(token, id)).body(body).patch("/api/v1/requests/" + id).then();
    }

    static String etag(String token, String id) {
        for (String reader : List.of(token, Api.admin(), Api.erSpecialist(unique("er")))) {
            var read = as(reader).get("/api/v1/requests/" + id).then().extract();
            if (read.statusCode() == 200) {
                return read.header("ETag");
            }
        }
        throw new AssertionError("nobody sees request " + id);
    }

    @Test
    void aNewTypeMovesTheRequestToItsTeamAndCountsTheTimeAlreadyUsed() {
        clock.set(berlin("09:00"));
        String id = Api.submit(employee(person), typeA, "Overtime missing");
        assign(agent(agentA, teamA), id, agentA).statusCode(200);
        status(agent(agentA, teamA), id, "IN_PROGRESS", null).statusCode(200);
        clock.set(berlin("10:00"));
        String etag = read(agent(agentA, teamA), id).extract().header("ETag");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            var moved = as(agent(agentA, teamA)).header("If-Match", etag)
                    .body(Map.of("type", typeB, "reason", "A payslip question, not benefits"))
                    .patch("/api/v1/requests/" + id).then().statusCode(200)
                    .body("type", equalTo(typeB)).body("team", equalTo(teamB)).body("owner", nullValue())
                    .body("status", equalTo("IN_PROGRESS"))
                    .body("serviceLevel.firstResponse.targetMinutes", equalTo(30))
                    .body("serviceLevel.firstResponse.outcome", equalTo("BREACHED"))
                    .body("serviceLevel.resolution.targetMinutes", equalTo(120))
                    .body("serviceLevel.resolution.elapsedMinutes", equalTo(60)).extract();
            assertEquals(berlin("11:00"), instant(moved.path("serviceLevel.resolutionDue")),
                    "60 of 120 minutes used; the rest in the new type's calendar");
            Set<String> types = Set.of("hr.request.retriaged", "hr.request.sla-breached");
            List<JsonNode> events = probe.await(2, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())
                    && types.contains(e.path("type").asText()));
            assertEquals(types, events.stream().map(e -> e.path("type").asText()).collect(Collectors.toSet()));
            JsonNode retriaged = events.stream().filter(EventProbe.ofType("hr.request.retriaged")).findFirst()
                    .orElseThrow().path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_RETRIAGED, retriaged));
            assertEquals(typeA, retriaged.path("previousType").asText());
            assertEquals(teamA, retriaged.path("previousTeam").asText());
            assertEquals(teamB, retriaged.path("team").asText());
            assertEquals(agentA, retriaged.path("previousOwner").asText());
            assertFalse(retriaged.hasNonNull("owner"));
            assertEquals("A payslip question, not benefits", retriaged.path("reason").asText());
            assertEquals(berlin("11:00"), instant(retriaged.path("resolutionDue").asText()));
            assertEquals(120, retriaged.path("resolutionTargetMinutes").asInt());
        }
        read(agent(agentA, teamA), id).statusCode(404);
        String leadB = lead(unique("lead"), teamB);
        as(agent(unique("agent"), teamB)).queryParam("owner", "none").queryParam("team", teamB)
                .get("/api/v1/requests").then().body("items.id", hasItem(id));
        as(leadB).get("/api/v1/requests/" + id + "/history").then().statusCode(200)
                .body("items.find { it.field == 'type' }.before", equalTo(typeA))
                .body("items.find { it.field == 'type' }.note", equalTo("A payslip question, not benefits"))
                .body("items.find { it.field == 'team' }.after", equalTo(teamB))
                .body("items.find { it.field == 'owner' && it.after == null }.before", equalTo(agentA))
                .body("items.find { it.field == 'serviceLevel.retarget' }.after", equalTo("30/120"))
                .body("items.find { it.field == 'serviceLevel.calendar' }.actor", equalTo(agentA))
                .body("items.findAll { it.field == 'serviceLevel.resolutionDue' }.after",
                        hasItem(berlin("11:00").toString()));
        as(leadB).get("/api/v1/requests/" + id + "/service-level").then().statusCode(200)
                .body("consistent", equalTo(true));
    }

    @Test
    void aNewPriorityTakesItsTargetsAndTheOwnerStays() {
        String typeP = Api.typeWithTargets(teamA, false, Api.calendar("[]"), """
                {"LOW":{"firstResponseMinutes":120,"resolutionMinutes":960},
                 "NORMAL":{"firstResponseMinutes":60,"resolutionMinutes":480},
                 "HIGH":{"firstResponseMinutes":30,"resolutionMinutes":240},
                 "URGENT":{"firstResponseMinutes":15,"resolutionMinutes":60}}""");
        clock.set(berlin("09:00"));
        String id = Api.submit(employee(person), typeP, "Salary not paid");
        assign(agent(agentA, teamA), id, agentA).statusCode(200);
        clock.set(berlin("09:20"));
        var high = retriage(lead(unique("lead"), teamA), id, Map.of("priority", "HIGH", "reason", "Rent is due"))
                .statusCode(200).body("priority", equalTo("HIGH")).body("owner", equalTo(agentA))
                .body("team", equalTo(teamA)).extract();
        assertEquals(berlin("09:30"), instant(high.path("serviceLevel.firstResponseDue")));
        assertEquals(berlin("13:00"), instant(high.path("serviceLevel.resolutionDue")));
        int version = high.path("version");
        retriage(agent(agentA, teamA), id, Map.of("priority", "HIGH", "reason", "Still high")).statusCode(200)
                .body("version", equalTo(version));
        clock.set(berlin("09:25"));
        var urgent = retriage(agent(agentA, teamA), id, Map.of("priority", "URGENT", "reason", "Bailiff letter"))
                .statusCode(200).body("serviceLevel.firstResponse.outcome", equalTo("BREACHED")).extract();
        assertEquals(berlin("10:00"), instant(urgent.path("serviceLevel.resolutionDue")), "25 of 60 minutes used");
        as(agent(agentA, teamA)).get("/api/v1/requests/" + id + "/service-level").then()
                .body("consistent", equalTo(true));
    }

    @Test
    void onlyTheTeamRetriagesOpenRequestsWithAReason() {
        String id = Api.submit(employee(person), typeA, "Question");
        retriage(employee(person), id, Map.of("priority", "HIGH", "reason", "Mine is urgent")).statusCode(403);
        retriage(agent(unique("agent"), teamB), id, Map.of("priority", "HIGH", "reason", "x")).statusCode(404);
        retriage(Api.admin(), id, Map.of("priority", "HIGH", "reason", "x")).statusCode(403);
        retriage(agent(agentA, teamA), id, Map.of("priority", "HIGH")).statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("reason"));
        retriage(agent(agentA, teamA), id, Map.of("priority", "HIGH", "reason", "  ")).statusCode(400);
        retriage(agent(agentA, teamA), id, Map.of("reason", "Nothing")).statusCode(400)
                .body("type", equalTo("https://hrloop.dev/problems/nothing-to-change"));
        retriage(agent(agentA, teamA), id, Map.of("type", "no-such-type", "reason", "x")).statusCode(422);
        as(agent(agentA, teamA)).header("If-Match", "\"99\"").body(Map.of("priority", "HIGH", "reason", "x"))
                .patch("/api/v1/requests/" + id).then().statusCode(412);
        read(agent(agentA, teamA), id).body("priority", equalTo("NORMAL")).body("version", equalTo(0));

        assign(agent(agentA, teamA), id, agentA).statusCode(200);
        status(agent(agentA, teamA), id, "IN_PROGRESS", null).statusCode(200);
        status(agent(agentA, teamA), id, "RESOLVED", "Done").statusCode(200);
        retriage(agent(agentA, teamA), id, Map.of("priority", "HIGH", "reason", "Too late")).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/not-open"));
    }

    @Test
    void movingACaseIntoEmployeeRelationsAndOutFollowsTheConfidentialRules() {
        String erType = Api.type(unique("er"), true, 60, 480);
        String specialist = unique("er");
        String marker = "MARKR" + unique("x");
        String id = Api.submit(employee(person), typeA, "My manager shouts at me");
        assign(agent(agentA, teamA), id, agentA).statusCode(200);
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            retriage(agent(agentA, teamA), id, Map.of("type", erType, "reason", marker + " a harassment complaint"))
                    .statusCode(200).body("confidential", equalTo(true)).body("owner", nullValue());
            JsonNode into = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())
                    && e.path("type").asText().equals("hr.request.retriaged")).getFirst();
            assertFalse(into.toString().contains(marker), into.toString());
            assertFalse(into.toString().contains(person), "no requester on a confidential case");
            assertTrue(into.path("data").path("confidential").asBoolean());
            assertFalse(into.path("data").path("previousConfidential").asBoolean());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_RETRIAGED, into.path("data")));

            read(agent(agentA, teamA), id).statusCode(404);
            read(Api.erSpecialist(specialist), id).statusCode(200).body("type", equalTo(erType));
            retriage(Api.erSpecialist(specialist), id, Map.of("type", typeA, "reason", marker + " a rota question"))
                    .statusCode(200).body("confidential", equalTo(false)).body("team", equalTo(teamA));
            JsonNode out = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())
                    && e.path("type").asText().equals("hr.request.retriaged")
                    && !e.path("data").path("confidential").asBoolean()).getFirst();
            assertTrue(out.path("data").path("previousConfidential").asBoolean());
            assertFalse(out.toString().contains(marker), "a reason written while confidential stays home");
            assertEquals(person, out.path("data").path("requester").asText());
        }
        read(agent(agentA, teamA), id).statusCode(200).body("owner", nullValue());
    }
}
