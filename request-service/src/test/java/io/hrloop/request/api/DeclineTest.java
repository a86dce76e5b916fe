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
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.support.Api;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class DeclineTest {

    static final Map<String, String> UNSUSTAINABLE = Map.of("reason", "UNSUSTAINABLE", "subReason",
            "OTHER_CUSTOMERS_NEEDS", "explanation", "Two weeks of analyst time for one benchmark",
            "policyReference", "HR-POL-12", "alternative", "The March compensation review");

    String team;
    String person;
    String owner;
    String id;

    @BeforeEach
    void requestInProgress() {
        team = unique("team");
        person = unique("emp");
        owner = unique("lead");
        id = Api.submit(employee(person), Api.type(team, false, 60, 480), "Salary benchmark for me");
        assign(lead(owner, team), id, owner).statusCode(200);
        status(lead(owner, team), id, "IN_PROGRESS", null).statusCode(200);
    }

    ValidatableResponse post(String token, String path, Object body) {
        return as(token).body(body).post("/api/v1/requests/" + id + "/decline" + path).then();
    }

    @Test
    void aDeclineTakesEffectOnlyWhenASecondPersonConfirmsIt() {
        post(lead(owner, team), "", Map.of("reason", "UNSUSTAINABLE", "explanation", "x", "policyReference", "p"))
                .statusCode(400).body("errors.field", hasItem("subReason"));
        post(lead(owner, team), "", Map.of("reason", "ILLEGAL", "subReason", "NOT_FINANCIALLY_VIABLE",
                "explanation", "x", "policyReference", "p")).statusCode(400);
        post(lead(owner, team), "", Map.of("reason", "RUDE", "explanation", "x", "policyReference", "p")).statusCode(400);
        post(lead(owner, team), "", Map.of("reason", "UNSAFE", "explanation", "x")).statusCode(400);
        post(agent(unique("agent"), team), "", UNSUSTAINABLE).statusCode(403);
        post(lead(owner, team), "", UNSUSTAINABLE).statusCode(201).body("status", equalTo("PROPOSED"))
                .body("proposedBy", equalTo(owner));
        post(lead(owner, team), "", UNSUSTAINABLE).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/decline-pending"));

        read(employee(person), id).body("status", equalTo("IN_PROGRESS"));
        as(employee(person)).get("/api/v1/requests/" + id + "/decline").then().statusCode(404);
        as(employee(person)).get("/api/v1/requests/" + id + "/history").then().body("items.field", not(hasItem("decline")));

        post(lead(owner, team), "/confirm", Map.of()).statusCode(403);
        post(agent(unique("agent"), team), "/confirm", Map.of()).statusCode(403);
        post(lead(unique("lead"), unique("other-team")), "/confirm", Map.of()).statusCode(404);
        String confirmer = unique("lead");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            as(lead(confirmer, team)).header("If-Match", "\"5\"").body(Map.of())
                    .post("/api/v1/requests/" + id + "/decline/confirm").then().statusCode(412);
            post(lead(confirmer, team), "/confirm", Map.of("note", "Agreed")).statusCode(200)
                    .body("status", equalTo("CONFIRMED")).body("decidedBy", equalTo(confirmer));
            JsonNode event = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())).getFirst();
            assertEquals("hr.request.declined", event.path("type").asText());
            JsonNode data = event.path("data");
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_DECLINED, data));
            assertEquals("UNSUSTAINABLE", data.path("reason").asText());
            assertEquals("OTHER_CUSTOMERS_NEEDS", data.path("subReason").asText());
            assertEquals("HR-POL-12", data.path("policyReference").asText());
            assertEquals("The March compensation review", data.path("alternative").asText());
            assertEquals("DECLINED", data.path("status").asText());
        }
        read(employee(person), id).body("status", equalTo("DECLINED"))
                .body("serviceLevel.firstResponse.outcome", equalTo("ATTAINED"));
        as(employee(person)).get("/api/v1/requests/" + id + "/decline").then().statusCode(200)
                .body("reason", equalTo("UNSUSTAINABLE")).body("explanation", equalTo(UNSUSTAINABLE.get("explanation")))
                .body("decisionNote", nullValue());
    }

    @Test
    void aLeadMayRejectAProposalAndTheRequestGoesOn() {
        post(lead(owner, team), "", Map.of("reason", "UNSAFE", "explanation", "x", "policyReference", "p")).statusCode(201);
        String reviewer = unique("lead");
        post(lead(reviewer, team), "/reject", Map.of("note", "We can do this safely")).statusCode(200)
                .body("status", equalTo("REJECTED"));
        read(employee(person), id).body("status", equalTo("IN_PROGRESS"));
        post(lead(reviewer, team), "/confirm", Map.of()).statusCode(409);
        post(lead(owner, team), "", UNSUSTAINABLE).statusCode(201);
    }

    @Test
    void onlyWorkedRequestsCanBeDeclined() {
        status(lead(owner, team), id, "RESOLVED", "Done").statusCode(200);
        post(lead(owner, team), "", UNSUSTAINABLE).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/illegal-transition"))
                .body("allowed", equalTo(List.of("IN_PROGRESS", "CLOSED")));
    }

    String confirmedBy(String confirmer) {
        post(lead(owner, team), "", UNSUSTAINABLE).statusCode(201);
        post(lead(confirmer, team), "/confirm", Map.of()).statusCode(200);
        return confirmer;
    }

    @Test
    void theRequesterAppealsOnceAndAThirdPersonDecides() {
        String confirmer = confirmedBy(unique("lead"));
        post(employee(unique("emp")), "/appeal", Map.of("statement", "Not mine")).statusCode(404);
        post(lead(owner, team), "/appeal", Map.of("statement", "x")).statusCode(403);
        post(employee(person), "/appeal", Map.of("statement", "")).statusCode(400);
        post(employee(person), "/appeal", Map.of("statement", "My renewal is in January")).statusCode(201)
                .body("appeal.statement", equalTo("My renewal is in January"));
        post(employee(person), "/appeal", Map.of("statement", "Again")).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/already-appealed"));

        post(lead(confirmer, team), "/appeal/decision", Map.of("outcome", "OVERTURNED")).statusCode(403);
        post(lead(owner, team), "/appeal/decision", Map.of("outcome", "OVERTURNED")).statusCode(403);
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            post(lead(unique("lead"), team), "/appeal/decision", Map.of("outcome", "OVERTURNED",
                    "note", "Time-critical")).statusCode(200).body("appeal.outcome", equalTo("OVERTURNED"));
            JsonNode event = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText())).getFirst();
            assertEquals("hr.request.status-changed", event.path("type").asText());
            assertEquals("DECLINED", event.path("data").path("previousStatus").asText());
        }
        read(employee(person), id).body("status", equalTo("IN_PROGRESS"))
                .body("serviceLevel.resolution.completedAt", nullValue());
        as(employee(person)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.find { it.field == 'appeal' && it.after == 'OVERTURNED' }.note", equalTo("Time-critical"));

        post(lead(owner, team), "", UNSUSTAINABLE).statusCode(201);
        post(lead(confirmer, team), "/confirm", Map.of()).statusCode(200);
        post(employee(person), "/appeal", Map.of("statement", "Once more")).statusCode(409);
    }

    @Test
    void anUpheldAppealKeepsTheDecline() {
        confirmedBy(unique("lead"));
        post(lead(unique("lead"), team), "/appeal/decision", Map.of("outcome", "UPHELD")).statusCode(409);
        post(employee(person), "/appeal", Map.of("statement", "Please reconsider")).statusCode(201);
        post(lead(unique("lead"), team), "/appeal/decision", Map.of("outcome", "UPHELD")).statusCode(200);
        read(employee(person), id).body("status", equalTo("DECLINED"));
        status(lead(owner, team), id, "IN_PROGRESS", null).statusCode(409)
                .body("type", equalTo("https://hrloop.dev/problems/appeal-required"));
        post(employee(person), "/appeal", Map.of("statement", "And again")).statusCode(409);
    }
}
