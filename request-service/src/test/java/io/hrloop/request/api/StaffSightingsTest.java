package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The register learns from tokens cheaply: once an hour per person, or at once when roles or team change. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class StaffSightingsTest {

    static final Instant T0 = Instant.parse("2027-02-01T08:00:00Z");

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    JsonPath entry(String person) {
        return as(admin()).get("/api/v1/staff/" + person).then().statusCode(200).extract().jsonPath();
    }

    static Instant seen(JsonPath entry) {
        return OffsetDateTime.parse(entry.getString("lastSeenAt")).toInstant();
    }

    void call(String token) {
        as(token).get("/api/v1/request-types?limit=1").then().statusCode(200);
    }

    @Test
    void aCallerIsWrittenAtMostOnceAnHourOrWhenRolesOrTeamChange() throws InterruptedException {
        String person = unique("agent");
        String teamA = unique("team");
        String teamB = unique("team");
        clock.set(T0);
        call(agent(person, teamA));
        JsonPath first = entry(person);
        assertEquals(T0, seen(first));
        assertEquals(teamA, first.getString("team"));
        assertEquals("TOKEN", first.getString("source"));

        clock.set(T0.plus(Duration.ofMinutes(10)));
        call(agent(person, teamA));
        assertEquals(T0, seen(entry(person)), "nothing written within the hour");

        call(agent(person, teamB));
        JsonPath moved = entry(person);
        assertEquals(teamB, moved.getString("team"), "a new team is written at once");
        assertEquals(first.getInt("version") + 1, moved.getInt("version"));

        clock.set(T0.plus(Duration.ofHours(2)));
        call(agent(person, teamB));
        JsonPath later = entry(person);
        assertEquals(T0.plus(Duration.ofHours(2)), seen(later));
        assertEquals(moved.getInt("version"), later.getInt("version"),
                "a sighting without change is no new version");

        call(employee(person)); // without an HR role the register is written in the background
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!entry(person).getList("roles").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        as(admin()).get("/api/v1/staff/" + person).then().body("roles", equalTo(List.of()))
                .body("team", equalTo(teamB));
    }

    @Test
    void peopleWithoutAnHrRoleDoNotEnterTheRegister() throws InterruptedException {
        String person = unique("emp");
        call(employee(person));
        Thread.sleep(200);
        as(admin()).get("/api/v1/staff/" + person).then().statusCode(404);
    }
}
