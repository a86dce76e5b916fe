package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.comment;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.lead;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hrloop.request.support.Api;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Only an active hr-agent or hr-lead of a request's team (an er-specialist for a confidential case) owns it. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OwnershipTest {

    String team;
    String type;
    String person;
    String agentId;
    String leadId;
    String id;

    @BeforeEach
    void requestWithAnOwner() {
        team = unique("team");
        type = Api.type(team, false, 60, 480);
        person = unique("emp");
        agentId = unique("agent");
        leadId = unique("lead");
        id = Api.submit(employee(person), type, "Overtime missing");
        assign(agent(agentId, team), id, agentId).statusCode(200);
        comment(agent(agentId, team), id, "Salary band 7, check with payroll", "INTERNAL").statusCode(201);
    }

    ValidatableResponse giveTo(String token, String owner) {
        return as(token).body(Map.of("owner", owner, "reason", "Holiday cover"))
                .post("/api/v1/requests/" + id + "/assignment").then();
    }

    @Test
    void aRequestHandedToAnEmployeeIsRefusedAndTheyReadNothingOfIt() {
        String colleague = unique("emp");
        as(employee(colleague)).get("/api/v1/requests").then().statusCode(200); // seen, but with no HR role
        giveTo(agent(agentId, team), colleague).statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hrloop.dev/problems/owner-not-eligible"))
                .body("owner", equalTo(colleague))
                .body("detail", containsString("only an active hr-agent or hr-lead of team " + team))
                .body("detail", containsString("not in the staff register"));
        read(agent(agentId, team), id).body("owner", equalTo(agentId)).body("version", equalTo(1));
        read(employee(colleague), id).statusCode(404);
        as(employee(colleague)).get("/api/v1/requests/" + id + "/comments").then().statusCode(404);
    }

    @Test
    void agentsOfAnotherTeamAndPeopleWithoutAnAgentRoleAreRefusedWithTheReason() {
        String stranger = unique("agent");
        as(agent(stranger, unique("team"))).get("/api/v1/request-types").then().statusCode(200);
        giveTo(lead(leadId, team), stranger).statusCode(422).body("detail", containsString("not in the request's team"));
        String admin = unique("admin");
        as(Tokens.of(admin, team, "hr-admin")).get("/api/v1/request-types").then().statusCode(200);
        giveTo(lead(leadId, team), admin).statusCode(422).body("detail", containsString("not an hr-agent or hr-lead"));
        read(agent(agentId, team), id).body("owner", equalTo(agentId));
    }

    @Test
    void anAgentSeenWithTheTeamsTokenCanBeGivenTheRequest() {
        String cover = unique("agent");
        as(agent(cover, team)).get("/api/v1/request-types").then().statusCode(200);
        giveTo(lead(leadId, team), cover).statusCode(200).body("owner", equalTo(cover));
        as(agent(cover, team)).get("/api/v1/requests/" + id + "/comments").then().statusCode(200)
                .body("items.visibility", hasItem("INTERNAL"));
    }

    @Test
    void aDeactivatedPersonCannotBeGivenOrTakeRequestsWhateverTheirToken() {
        String leaver = unique("agent");
        as(agent(leaver, team)).get("/api/v1/request-types").then().statusCode(200);
        as(admin()).header("If-Match", Api.etag("/api/v1/staff/" + leaver))
                .body(Map.of("team", team, "roles", List.of("hr-agent"), "active", false)).put("/api/v1/staff/" + leaver).then().statusCode(200).body("active", equalTo(false))
                .body("source", equalTo("ADMIN")).body("updatedBy", equalTo("admin-1"));
        giveTo(lead(leadId, team), leaver).statusCode(422).body("detail", containsString("deactivated"));
        String other = Api.submit(employee(person), type, "Second question");
        assign(agent(leaver, team), other, leaver).statusCode(422);
        read(agent(agentId, team), other).body("owner", nullValue()).body("status", equalTo("SUBMITTED"));
        as(admin()).get("/api/v1/staff/" + leaver).then().body("active", equalTo(false));
    }

    @Test
    void confidentialCasesAreOwnedByErSpecialistsOnly() {
        String erTeam = unique("er");
        String erType = Api.type(erTeam, true, 60, 480);
        String caseId = Api.submit(employee(person), erType, "Concern about my manager");
        String specialist = unique("er");
        String lead = unique("er-lead");
        String hrAgent = unique("agent");
        as(agent(hrAgent, erTeam)).get("/api/v1/request-types").then().statusCode(200);
        as(Api.erSpecialist(specialist)).get("/api/v1/request-types").then().statusCode(200);
        String erLead = Tokens.of(lead, "employee-relations", "er-specialist", "hr-lead");
        as(erLead).body(Map.of("owner", hrAgent)).post("/api/v1/requests/" + caseId + "/assignment").then()
                .statusCode(422).body("detail", containsString("only an active er-specialist"));
        as(erLead).body(Map.of("owner", specialist)).post("/api/v1/requests/" + caseId + "/assignment").then()
                .statusCode(200).body("owner", equalTo(specialist));
    }

    @Test
    void hrAdminManagesTheRegister() {
        String newcomer = unique("agent");
        as(admin()).get("/api/v1/staff/" + newcomer).then().statusCode(404);
        String etag = as(admin()).body(Map.of("team", team, "roles", List.of("hr-agent"), "active", true))
                .put("/api/v1/staff/" + newcomer).then().statusCode(201).header("Location", containsString(newcomer))
                .body("roles", equalTo(List.of("hr-agent"))).body("source", equalTo("ADMIN")).extract().header("ETag");
        giveTo(lead(leadId, team), newcomer).statusCode(200);
        as(admin()).header("If-Match", "\"99\"").body(Map.of("team", team, "roles", List.of(), "active", true))
                .put("/api/v1/staff/" + newcomer).then().statusCode(412);
        as(admin()).body(Map.of("team", team, "roles", List.of(), "active", true)).put("/api/v1/staff/" + newcomer)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://hrloop.dev/problems/precondition-required"));
        as(admin()).header("If-Match", etag).body(Map.of("team", team, "roles", List.of("hr-agent", "hr-lead"),
                "active", true)).put("/api/v1/staff/" + newcomer).then().statusCode(200)
                .body("roles", equalTo(List.of("hr-agent", "hr-lead")));
        as(admin()).body(Map.of("team", team, "roles", List.of("employee"), "active", true))
                .put("/api/v1/staff/" + newcomer).then().statusCode(400).body("errors.field", hasItem("roles"));
        as(admin()).body(Map.of("roles", List.of("hr-agent"), "active", true))
                .put("/api/v1/staff/" + newcomer).then().statusCode(400).body("errors.field", hasItem("team"));
        as(admin()).queryParam("team", team).get("/api/v1/staff").then().statusCode(200)
                .body("items.personId", hasItem(newcomer)).body("items.personId", hasItem(agentId))
                .body("items.find { it.personId == '" + agentId + "' }.source", equalTo("TOKEN"))
                .body("items.personId", not(hasItem(person)));
        as(lead(leadId, team)).get("/api/v1/staff").then().statusCode(403);
        as(agent(agentId, team)).body(Map.of("team", team, "roles", List.of("hr-lead"), "active", true))
                .put("/api/v1/staff/" + agentId).then().statusCode(403);
    }
}
