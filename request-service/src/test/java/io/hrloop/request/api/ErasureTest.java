package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.comment;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.support.Api;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ErasureTest {

    @Test
    void erasurePseudonymisesThePersonEverywhereAndCountsSurvive() {
        String team = unique("team");
        String type = Api.type(team, false, 60, 480);
        String person = unique("emp");
        String agentId = unique("agent");
        String id = Api.submit(employee(person), type, "Overtime missing");
        for (int i = 0; i < 4; i++) { // five requests: a group the report shows (see its small-number rule)
            Api.submit(employee(person), type, "Another question");
        }
        assign(agent(agentId, team), id, agentId).statusCode(200);
        status(agent(agentId, team), id, "IN_PROGRESS", null).statusCode(200);
        status(agent(agentId, team), id, "WAITING_ON_CUSTOMER", "Which month?").statusCode(200);
        comment(employee(person), id, "October, my bank account is DE00 1234", "PUBLIC").statusCode(201);
        comment(agent(agentId, team), id, "Thanks, checking", "PUBLIC").statusCode(201);
        String reportQuery = "/api/v1/service-levels?from=2020-01-01T00:00:00Z&type=" + type;
        Object before = as(admin()).get(reportQuery).then().extract().path("groups[0].requests");

        String pseudonym;
        try (EventProbe probe = EventProbe.at("hr.people")) {
            pseudonym = as(admin()).delete("/api/v1/people/" + person).then().statusCode(200)
                    .body("personId", equalTo(person)).body("pseudonym", matchesPattern("erased-[0-9a-f]{12}"))
                    .body("requests", equalTo(5)).body("comments", equalTo(1)).body("erasedBy", equalTo("admin-1"))
                    .extract().path("pseudonym");
            JsonNode event = probe.await(1, Duration.ofSeconds(20), e -> person.equals(e.path("subject").asText())).getFirst();
            assertEquals("hr.person.erased", event.path("type").asText());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.PERSON_ERASED, event.path("data")));
            assertEquals(pseudonym, event.path("data").path("pseudonym").asText());
            assertEquals("admin-1", event.path("data").path("erasedBy").asText());
        }
        read(admin(), id).statusCode(200).body("requester", equalTo(pseudonym))
                .body("description", equalTo("[erased]")).body("subject", equalTo("[erased]"));
        as(agent(agentId, team)).get("/api/v1/requests/" + id + "/comments").then()
                .body("items.author", equalTo(List.of(pseudonym, agentId)))
                .body("items.body", equalTo(List.of("[erased]", "Thanks, checking")));
        String history = as(agent(agentId, team)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.actor", hasItem(pseudonym)).body("items.actor", not(hasItem(person)))
                .body("items.field", hasItem("erasure")).extract().asString();
        assertFalse(history.contains(person), history);
        as(employee(person)).get("/api/v1/requests").then().body("items", hasSize(0));
        as(admin()).get(reportQuery).then().body("groups[0].requests", equalTo(before));
        as(admin()).queryParam("type", type).get("/api/v1/requests").then().body("items", hasSize(5))
                .body("items.requester", everyItem(equalTo(pseudonym)));
    }

    @Test
    void anErasedAgentIsPseudonymisedAsOwnerDeclinerAndActor() {
        String team = unique("team");
        String type = Api.type(team, false, 60, 480);
        String person = unique("emp");
        String owner = unique("lead");
        String id = Api.submit(employee(person), type, "Question");
        assign(Api.lead(owner, team), id, owner).statusCode(200);
        status(Api.lead(owner, team), id, "IN_PROGRESS", null).statusCode(200);
        as(Api.lead(owner, team)).body(Map.of("reason", "UNSAFE", "explanation", "x", "policyReference", "p"))
                .post("/api/v1/requests/" + id + "/decline").then().statusCode(201);
        String pseudonym = as(admin()).delete("/api/v1/people/" + owner).then().statusCode(200)
                .body("declines", equalTo(1)).extract().path("pseudonym");
        read(employee(person), id).body("owner", equalTo(pseudonym));
        as(Api.lead(unique("lead"), team)).get("/api/v1/requests/" + id + "/decline").then()
                .body("proposedBy", equalTo(pseudonym)).body("explanation", equalTo("[erased]"));
        as(Api.lead(unique("lead"), team)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.find { it.field == 'owner' }.after", equalTo(pseudonym));
    }

    /**
     * A token outlives the erasure (for up to its lifetime): a call with a token issued before it enters the person in
     * the staff register no more, with their address; a token issued after it is a new sign-in.
     */
    @Test
    void aTokenIssuedBeforeTheErasureEntersThemInTheRegisterNoMore() throws InterruptedException {
        String team = unique("team");
        String member = unique("agent");
        String before = agent(member, team);
        as(before).get("/api/v1/requests").then().statusCode(200);
        as(admin()).get("/api/v1/staff/" + member).then().statusCode(200);

        as(admin()).delete("/api/v1/people/" + member).then().statusCode(200);
        long erased = System.currentTimeMillis();
        as(admin()).get("/api/v1/staff/" + member).then().statusCode(404);
        as(before).get("/api/v1/requests").then().statusCode(200);
        as(admin()).get("/api/v1/staff/" + member).then().statusCode(404);
        // nor does it make them an owner: the register has no entry under their id any more
        String id = Api.submit(employee(unique("emp")), Api.type(team, false, 60, 480), "Question");
        assign(before, id, member).statusCode(422)
                .body("type", equalTo("https://hrloop.dev/problems/owner-not-eligible"));
        read(admin(), id).body("owner", nullValue()).body("status", equalTo("SUBMITTED"));

        // iat is in whole seconds: a token issued in the erasure's second still counts as issued before it.
        Thread.sleep(Math.max(0, erased + 1100 - System.currentTimeMillis()));
        as(agent(member, team)).get("/api/v1/requests").then().statusCode(200);
        as(admin()).get("/api/v1/staff/" + member).then().statusCode(200).body("team", equalTo(team));
    }

    @Test
    void onlyHrAdminErasesAndRepeatingIsHarmless() {
        as(Api.lead(unique("lead"), "t")).delete("/api/v1/people/someone").then().statusCode(403);
        as(employee("someone")).delete("/api/v1/people/someone").then().statusCode(403);
        as(admin()).delete("/api/v1/people/" + unique("nobody")).then().statusCode(200).body("requests", equalTo(0));
    }
}
