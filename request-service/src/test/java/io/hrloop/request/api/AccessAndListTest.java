package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.erSpecialist;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.submit;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class AccessAndListTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aRequesterSeesOnlyTheirOwnRequestsAndOthersAreNotFound() {
        String type = Api.type(unique("team"), false, 60, 480);
        String alice = unique("emp");
        String bob = unique("emp");
        String id = submit(employee(alice), type, "Alice's question");
        submit(employee(bob), type, "Bob's question");
        read(employee(bob), id).statusCode(404).contentType("application/problem+json");
        as(employee(bob)).get("/api/v1/requests/" + id + "/comments").then().statusCode(404);
        as(employee(bob)).get("/api/v1/requests/" + id + "/history").then().statusCode(404);
        as(employee(bob)).get("/api/v1/requests").then().body("items", hasSize(1))
                .body("items[0].subject", equalTo("Bob's question"));
        as(employee(alice)).queryParam("team", "x").get("/api/v1/requests").then().body("items", hasSize(0));
    }

    @Test
    void confidentialCasesAreVisibleOnlyToErSpecialistsAndTheirRequester() {
        String erTeam = unique("er");
        String type = Api.type(erTeam, true, 60, 480);
        String person = unique("emp");
        String id = submit(employee(person), type, "Concern");
        read(employee(person), id).statusCode(200).body("confidential", equalTo(true));
        read(erSpecialist(unique("er")), id).statusCode(200);
        read(admin(), id).statusCode(404);
        read(agent(unique("agent"), erTeam), id).statusCode(404);
        read(Api.lead(unique("lead"), erTeam), id).statusCode(404);
        as(admin()).queryParam("type", type).get("/api/v1/requests").then().body("items", hasSize(0));
        as(agent(unique("agent"), erTeam)).queryParam("team", erTeam).get("/api/v1/requests").then().body("items", hasSize(0));
        as(erSpecialist(unique("er"))).queryParam("type", type).get("/api/v1/requests").then()
                .body("items.id", equalTo(List.of(id)));
        assign(agent(unique("agent"), erTeam), id, "agent-x").statusCode(404);
        String specialist = unique("er");
        assign(erSpecialist(specialist), id, specialist).statusCode(200).body("owner", equalTo(specialist));
    }

    @Test
    void agentsWorkTheirTeamsQueue() {
        String teamA = unique("team");
        String teamB = unique("team");
        String typeA = Api.type(teamA, false, 60, 480);
        String typeB = Api.type(teamB, false, 60, 480);
        String a1 = submit(employee(unique("emp")), typeA, "A one");
        String a2 = submit(employee(unique("emp")), typeA, "A two");
        String b1 = submit(employee(unique("emp")), typeB, "B one");
        String me = unique("agent");
        assign(agent(me, teamA), a1, me).statusCode(200);

        as(agent(me, teamA)).queryParam("team", teamA).get("/api/v1/requests").then()
                .body("items.id", equalTo(List.of(a2, a1)));
        as(agent(me, teamA)).queryParam("type", typeB).get("/api/v1/requests").then().body("items", hasSize(0));
        read(agent(me, teamA), b1).statusCode(404);
        as(agent(me, teamA)).queryParam("owner", "me").get("/api/v1/requests").then()
                .body("items.id", equalTo(List.of(a1)));
        as(agent(me, teamA)).queryParam("owner", "none").queryParam("team", teamA).get("/api/v1/requests").then()
                .body("items.id", equalTo(List.of(a2)));
        as(agent(me, teamA)).queryParam("team", teamA).queryParam("status", "ASSIGNED,IN_PROGRESS")
                .get("/api/v1/requests").then().body("items.id", equalTo(List.of(a1)));
        as(admin()).queryParam("type", typeB).get("/api/v1/requests").then().body("items.id", equalTo(List.of(b1)));
    }

    @Test
    void filtersTextAndCreationRange() {
        String team = unique("team");
        String type = Api.type(team, false, 60, 480);
        String person = unique("emp");
        clock.set(Instant.parse("2026-06-01T10:00:00Z"));
        String june = submit(employee(person), type, "Bonus 50% question_x");
        clock.set(Instant.parse("2026-07-01T10:00:00Z"));
        String july = submit(employee(person), type, "Pension");
        clock.reset();
        as(employee(person)).queryParam("q", "50% QUESTION_x").get("/api/v1/requests").then()
                .body("items.id", equalTo(List.of(june)));
        as(employee(person)).queryParam("q", "100%").get("/api/v1/requests").then().body("items", hasSize(0));
        as(employee(person)).queryParam("createdFrom", "2026-06-15T00:00:00Z").get("/api/v1/requests").then()
                .body("items.id", equalTo(List.of(july)));
        as(employee(person)).queryParam("createdTo", "2026-06-15T00:00:00Z").get("/api/v1/requests").then()
                .body("items.id", equalTo(List.of(june)));
        as(employee(person)).queryParam("requester", "me").queryParam("breached", "false").get("/api/v1/requests")
                .then().body("items", hasSize(0));
        as(employee(person)).queryParam("breached", "true").get("/api/v1/requests").then().body("items", hasSize(2));
        as(employee(person)).queryParam("createdFrom", "June").get("/api/v1/requests").then().statusCode(400);
        as(employee(person)).queryParam("status", "LOST").get("/api/v1/requests").then().statusCode(400);
        as(employee(person)).queryParam("sort", "subject").get("/api/v1/requests").then().statusCode(400);
    }

    @Test
    void sortingAndCursorPaginationVisitEveryRequestOnce() {
        String team = unique("team");
        String type = Api.type(team, false, 60, 480);
        String person = unique("emp");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            clock.set(Instant.parse("2026-11-02T10:00:00Z").plusSeconds(60L * i));
            created.add(submit(employee(person), type, "Request " + i));
        }
        clock.reset();
        for (String sort : List.of("createdAt", "-createdAt", "resolutionDue", "-updatedAt")) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            do {
                var spec = as(employee(person)).queryParam("limit", 2).queryParam("sort", sort);
                if (cursor != null) {
                    spec.queryParam("cursor", cursor);
                }
                var page = spec.get("/api/v1/requests").then().statusCode(200).extract();
                seen.addAll(page.path("items.id"));
                cursor = page.path("next");
            } while (cursor != null);
            List<String> expected = sort.startsWith("-") ? created.reversed() : created;
            assertEquals(expected, seen, sort);
        }
        String next = as(employee(person)).queryParam("limit", 2).get("/api/v1/requests").then().extract().path("next");
        as(employee(person)).queryParam("sort", "createdAt").queryParam("cursor", next).get("/api/v1/requests").then()
                .statusCode(400).body("type", equalTo("https://hrloop.dev/problems/invalid-cursor"));
        as(employee(person)).queryParam("limit", 500).get("/api/v1/requests").then().statusCode(400);
        as(employee(person)).get("/api/v1/requests").then().body("next", nullValue())
                .body("items.subject", not(hasItem("Request 9")));
    }
}
