package io.hrloop.request.api;

import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.lead;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Self-service: a person's view of suggestions, the submission that names it, and the deflection report. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class DeflectionTest {

    @Inject
    MutableClock clock;

    String team;
    String type;

    @BeforeEach
    void catalogue() {
        team = unique("team");
        type = Api.type(team, false, 60, 480);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    void at(String dateTime) {
        clock.set(LocalDateTime.parse(dateTime).atZone(ZoneId.of("Europe/Berlin")).toInstant());
    }

    static ValidatableResponse submit(String token, String type, String viewId) {
        return as(token).body(Map.of("type", type, "subject", "After all", "description", "It did not help",
                "suggestionViewId", viewId)).post("/api/v1/requests").then();
    }

    ValidatableResponse report(String token) {
        return as(token).queryParam("from", "2026-12-01T00:00:00Z").queryParam("to", "2026-12-31T00:00:00Z")
                .get("/api/v1/self-service/deflection").then();
    }

    @Test
    void aViewIsThePersonsOwnAndLinksTheSubmissionThatFollows() {
        String person = unique("emp");
        String other = unique("emp");
        var created = as(employee(person)).body(Map.of("type", type, "suggestionIds", List.of("lesson-1")))
                .post("/api/v1/self-service/views").then().statusCode(201).extract();
        String id = created.path("id");
        org.junit.jupiter.api.Assertions.assertTrue(created.header("Location").endsWith("/api/v1/self-service/views/" + id));
        as(employee(person)).get("/api/v1/self-service/views/" + id).then().statusCode(200)
                .body("type", equalTo(type)).body("suggestionIds", equalTo(List.of("lesson-1")))
                .body("requestId", nullValue());
        as(employee(other)).get("/api/v1/self-service/views/" + id).then().statusCode(404);

        submit(employee(other), type, id).statusCode(422)
                .body("type", equalTo("https://hrloop.dev/problems/unknown-suggestion-view"));
        submit(employee(person), type, UUID.randomUUID().toString()).statusCode(422);
        as(employee(other)).queryParam("requester", "me").get("/api/v1/requests").then()
                .body("items.size()", equalTo(0));
        String request = submit(employee(person), type, id).statusCode(201).extract().path("id");
        as(employee(person)).get("/api/v1/self-service/views/" + id).then().body("requestId", equalTo(request));
        submit(employee(person), type, id).statusCode(201);
        as(employee(person)).get("/api/v1/self-service/views/" + id).then().body("requestId", equalTo(request));

        as(employee(person)).body(Map.of("type", "no-such-type", "suggestionIds", List.of("lesson-1")))
                .post("/api/v1/self-service/views").then().statusCode(422);
        as(employee(person)).body(Map.of("type", type, "suggestionIds", List.of()))
                .post("/api/v1/self-service/views").then().statusCode(400).contentType("application/problem+json");
        as(employee(person)).body(Map.of("suggestionIds", List.of("lesson-1"))).post("/api/v1/self-service/views")
                .then().statusCode(400);
    }

    @Test
    void theReportGivesTheDeflectionSharePerTypeAndSuppressesSmallGroups() {
        String small = Api.type(team, false, 60, 480);
        String erType = Api.type(unique("er"), true, 60, 480);
        at("2026-12-07T09:00");
        String twice = null;
        for (int i = 0; i < 6; i++) {
            String person = unique("emp");
            String id = as(employee(person)).body(Map.of("type", type, "suggestionIds", List.of("lesson-1")))
                    .post("/api/v1/self-service/views").then().statusCode(201).extract().path("id");
            if (i < 2) {
                submit(employee(person), type, id).statusCode(201);
                twice = person;
            }
        }
        // One of those who submitted looks at the suggestions again and does not submit a second time: a view more,
        // and a view not followed, but still one person, who was not deflected.
        as(employee(twice)).body(Map.of("type", type, "suggestionIds", List.of("lesson-1")))
                .post("/api/v1/self-service/views").then().statusCode(201);
        for (int i = 0; i < 3; i++) {
            as(employee(unique("emp"))).body(Map.of("type", small, "suggestionIds", List.of("lesson-2")))
                    .post("/api/v1/self-service/views").then().statusCode(201);
        }
        for (int i = 0; i < 5; i++) {
            as(employee(unique("emp"))).body(Map.of("type", erType, "suggestionIds", List.of("lesson-3")))
                    .post("/api/v1/self-service/views").then().statusCode(201);
        }
        String leadToken = lead(unique("lead"), team);

        at("2026-12-10T09:00"); // the 7-day window is still open for the views not followed
        report(leadToken).statusCode(200).body("followWindow", equalTo("PT168H")).body("minGroupSize", equalTo(5))
                .body("groups.type", equalTo(List.of(type, small).stream().sorted().toList()))
                .body("groups.find { it.type == '" + type + "' }.views", equalTo(7))
                .body("groups.find { it.type == '" + type + "' }.followedBySubmission", equalTo(2))
                .body("groups.find { it.type == '" + type + "' }.deflected", equalTo(0))
                .body("groups.find { it.type == '" + type + "' }.pending", equalTo(5))
                .body("groups.find { it.type == '" + type + "' }.people", equalTo(6))
                .body("groups.find { it.type == '" + type + "' }.peopleFollowed", equalTo(2))
                .body("groups.find { it.type == '" + type + "' }.peopleDeflected", equalTo(0))
                .body("groups.find { it.type == '" + type + "' }.deflectionShare", equalTo(0.0f));

        at("2026-12-15T09:00");
        report(leadToken).statusCode(200)
                .body("from", equalTo("2026-11-30T00:00:00Z")).body("to", equalTo("2027-01-04T00:00:00Z"))
                .body("groups.find { it.type == '" + type + "' }.deflected", equalTo(5))
                .body("groups.find { it.type == '" + type + "' }.pending", equalTo(0))
                .body("groups.find { it.type == '" + type + "' }.people", equalTo(6))
                .body("groups.find { it.type == '" + type + "' }.peopleDeflected", equalTo(4))
                // people: 4 of the 6 did not submit (by views it would read 5 of 7)
                .body("groups.find { it.type == '" + type + "' }.deflectionShare", equalTo(0.6667f))
                .body("groups.find { it.type == '" + small + "' }.suppressed", equalTo(true))
                .body("groups.find { it.type == '" + small + "' }.views", nullValue());
        report(lead(unique("lead"), unique("team"))).statusCode(200).body("groups", equalTo(List.of()));
        as(Api.erSpecialist(unique("er"))).queryParam("type", erType).queryParam("from", "2026-12-01T00:00:00Z")
                .get("/api/v1/self-service/deflection").then().statusCode(200)
                .body("groups[0].views", equalTo(5)).body("groups[0].deflected", equalTo(5));
        as(Api.admin()).queryParam("type", erType).queryParam("from", "2026-12-01T00:00:00Z")
                .get("/api/v1/self-service/deflection").then().statusCode(200).body("groups", equalTo(List.of()));
        report(Api.agent(unique("agent"), team)).statusCode(403);
        report(employee(unique("emp"))).statusCode(403);
        as(Api.admin()).queryParam("from", "2026-12-31T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .get("/api/v1/self-service/deflection").then().statusCode(400);
    }
}
