package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Values a database or the business-hours clock cannot take are refused where they come in, with 4xx
 * problems: dates outside the years 1..9999, and calendars too thin for a type's targets.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class HostileValuesTest {

    static final String ONE_MINUTE_A_WEEK = "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"09:01\"}]}";

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void datesBeyondWhatTheDatabaseStoresAre400NamingTheField() {
        String token = Api.agent(unique("agent"), unique("team"));
        for (String field : List.of("createdFrom", "createdTo")) {
            for (String value : List.of("+300000-01-01T00:00:00Z", "-5000-01-01T00:00:00Z", "9999-12-31T23:00:00-05:00",
                    "yesterday")) {
                as(token).queryParam(field, value).get("/api/v1/requests").then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://hrloop.dev/problems/invalid-filter"))
                        .body("errors[0].field", equalTo(field)).body("detail", containsString(field));
            }
        }
        for (String field : List.of("from", "to")) {
            as(admin()).queryParam(field, "+300000-01-01T00:00:00Z").get("/api/v1/service-levels").then()
                    .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(field));
            as(admin()).queryParam(field, "-5000-01-01").get("/api/v1/service-levels").then().statusCode(400)
                    .body("errors[0].field", equalTo(field));
        }
        as(token).queryParam("createdFrom", "0001-01-01T00:00:00Z").queryParam("createdTo", "9999-12-31T00:00:00Z")
                .get("/api/v1/requests").then().statusCode(200);
        as(admin()).queryParam("from", "2026-11-01").queryParam("to", "2026-12-01").get("/api/v1/service-levels").then()
                .statusCode(200).body("from", equalTo("2026-10-26T00:00:00Z"));
    }

    static String typeBody(String key, String calendar, int resolutionMinutes) {
        String target = "{\"firstResponseMinutes\":1,\"resolutionMinutes\":%d}".formatted(resolutionMinutes);
        return """
                {"key":"%s","name":"Thin","category":"payroll","team":"t","calendar":"%s",
                 "targets":{"LOW":%s,"NORMAL":%s,"HIGH":%s,"URGENT":%s}}""".formatted(key, calendar, target, target,
                target, target);
    }

    String calendar(String workingHours, List<LocalDate> holidays) {
        String key = unique("cal");
        as(admin()).body(Map.of("key", key, "name", "Thin", "zone", "Europe/Berlin", "workingHours",
                io.restassured.path.json.JsonPath.from(workingHours).getMap("$"), "holidays",
                holidays.stream().map(LocalDate::toString).toList()))
                .post("/api/v1/calendars").then().statusCode(201);
        return key;
    }

    @Test
    void aCalendarTooThinForATypesTargetIsRefusedWhereItIsDefined() {
        String thin = calendar(ONE_MINUTE_A_WEEK, List.of());
        String key = unique("type");
        as(admin()).body(typeBody(key, thin, 525_600)).post("/api/v1/request-types").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://hrloop.dev/problems/target-unreachable"))
                .body("errors[0].field", equalTo("targets.LOW.resolutionMinutes"));
        as(admin()).get("/api/v1/request-types/" + key).then().statusCode(404);
        as(admin()).body(typeBody(key, thin, 60)).post("/api/v1/request-types").then().statusCode(201);
        as(admin()).header("If-Match", Api.etag("/api/v1/request-types/" + key)).body(typeBody(key, thin, 525_600))
                .put("/api/v1/request-types/" + key).then().statusCode(422);

        String office = Api.calendar("[]");
        String busy = unique("type");
        as(admin()).body(typeBody(busy, office, 100_000)).post("/api/v1/request-types").then().statusCode(201);
        as(admin()).header("If-Match", Api.etag("/api/v1/calendars/" + office))
                .body(Map.of("key", office, "name", "Office", "zone", "Europe/Berlin", "workingHours",
                io.restassured.path.json.JsonPath.from(ONE_MINUTE_A_WEEK).getMap("$")))
                .put("/api/v1/calendars/" + office).then().statusCode(422)
                .body("type", equalTo("https://hrloop.dev/problems/target-unreachable"))
                .body("detail", containsString(busy));
        as(admin()).get("/api/v1/calendars/" + office).then().body("workingHours.FRIDAY[0].end", equalTo("17:00"))
                .body("version", equalTo(0));
        String person = unique("emp");
        Api.submit(employee(person), busy, "Still works");
    }

    @Test
    void aSubmissionTheClockCannotServeIs422AndCreatesNothing() {
        // Mondays only, and every Monday a holiday from 2030 to 2035: fine today, hopeless in 2031.
        List<LocalDate> holidays = new ArrayList<>();
        for (LocalDate d = LocalDate.parse("2030-01-07"); d.getYear() < 2036; d = d.plusWeeks(1)) {
            holidays.add(d);
        }
        String mondays = calendar("{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"17:00\"}]}", holidays);
        String type = unique("type");
        as(admin()).body(typeBody(type, mondays, 480)).post("/api/v1/request-types").then().statusCode(201);
        clock.set(Instant.parse("2031-06-02T10:00:00Z"));
        String person = unique("emp");
        as(employee(person)).body(Map.of("type", type, "subject", "s", "description", "d")).post("/api/v1/requests")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://hrloop.dev/problems/target-unreachable"));
        as(employee(person)).get("/api/v1/requests").then().body("items.size()", equalTo(0));
    }

    @Test
    void aSamplingRateTheDatabaseCannotHoldIs400() {
        String body = typeBody(unique("type"), Api.calendar("[]"), 60).replace("\"team\":\"t\"",
                "\"team\":\"t\",\"surveySamplingRate\":1e-999999");
        as(admin()).body(body).post("/api/v1/request-types").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
