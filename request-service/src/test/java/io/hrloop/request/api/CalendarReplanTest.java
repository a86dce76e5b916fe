package io.hrloop.request.api;

import static io.hrloop.request.support.Api.agent;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.assign;
import static io.hrloop.request.support.Api.comment;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.read;
import static io.hrloop.request.support.Api.status;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.hrloop.request.service.CalendarReplanner;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A calendar edit is a new revision from now on; open requests are re-planned (in batches of 2 in tests): the time
 * used until the edit counts under the old revision, the rest under the new one, and the replay of the history
 * agrees with the live state.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class CalendarReplanTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String HALF_DAYS = Api.OFFICE_HOURS.replace("17:00", "13:00");

    @Inject
    MutableClock clock;
    @Inject
    CalendarReplanner replanner;

    String team;
    String calendar;
    String type;
    String person;
    String agent;

    @BeforeEach
    void catalogue() {
        clock.set(berlin("2026-12-04T12:00"));
        team = unique("team");
        calendar = Api.calendar("[]");
        type = Api.type(team, false, 120, 960, calendar, 1.0); // two working days to resolve
        person = unique("emp");
        agent = unique("agent");
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    static Instant berlin(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(BERLIN).toInstant();
    }

    static Instant instant(Object offsetDateTime) {
        return OffsetDateTime.parse((String) offsetDateTime).toInstant();
    }

    /** Replaces the calendar's working time (the ETag read first). */
    void edit(String workingHours, String holidays) {
        String etag = as(Api.admin()).get("/api/v1/calendars/" + calendar).then().extract().header("ETag");
        as(Api.admin()).header("If-Match", etag).body("""
                {"key":"%s","name":"Office","zone":"Europe/Berlin","workingHours":%s,"holidays":%s}"""
                .formatted(calendar, workingHours, holidays)).put("/api/v1/calendars/" + calendar).then().statusCode(200);
    }

    Instant resolutionDue(String id) {
        return instant(read(agent(agent, team), id).extract().path("serviceLevel.resolutionDue"));
    }

    void consistent(String id) {
        as(agent(agent, team)).get("/api/v1/requests/" + id + "/service-level").then().statusCode(200)
                .body("consistent", equalTo(true));
    }

    @Test
    void aHolidayAddedMovesTheDueTimesOfOpenRequestsAndTheReplayAgrees() {
        clock.set(berlin("2026-12-07T09:00")); // a Monday
        List<String> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(Api.submit(employee(person), type, "Question " + i));
        }
        String waiting = Api.submit(employee(person), type, "Waiting");
        String resolved = Api.submit(employee(person), type, "Resolved");
        for (String id : List.of(waiting, resolved)) {
            assign(agent(agent, team), id, agent).statusCode(200);
            status(agent(agent, team), id, "IN_PROGRESS", null).statusCode(200);
        }
        clock.set(berlin("2026-12-07T10:00"));
        status(agent(agent, team), waiting, "WAITING_ON_CUSTOMER", "Which month?").statusCode(200);
        status(agent(agent, team), resolved, "RESOLVED", "Done").statusCode(200);
        assertEquals(berlin("2026-12-08T17:00"), resolutionDue(running.getFirst()));

        clock.set(berlin("2026-12-07T10:30"));
        edit(Api.OFFICE_HOURS, "[\"2026-12-08\"]");
        as(Api.admin()).get("/api/v1/calendars/" + calendar).then().body("revision", equalTo(2));
        as(employee(person)).get("/api/v1/calendars/" + calendar + "/revisions").then().statusCode(200)
                .body("items.revision", equalTo(List.of(2, 1))).body("items[0].holidays", equalTo(List.of("2026-12-08")))
                .body("items[1].holidays", equalTo(List.of()));
        assertEquals(berlin("2026-12-08T17:00"), resolutionDue(running.getFirst()), "not re-planned yet");

        assertTrue(replanner.replan() >= 5, "the four running requests and the waiting one, in batches of two");
        for (String id : running) {
            assertEquals(berlin("2026-12-09T17:00"), resolutionDue(id), "90 minutes used; Tuesday is now a holiday");
            as(agent(agent, team)).get("/api/v1/requests/" + id + "/history").then()
                    .body("items.find { it.field == 'serviceLevel.calendar' }.before", equalTo(calendar + "@1"))
                    .body("items.find { it.field == 'serviceLevel.calendar' }.after", equalTo(calendar + "@2"))
                    .body("items.find { it.field == 'serviceLevel.calendar' }.actor", equalTo("system"))
                    .body("items.find { it.field == 'serviceLevel.resolutionDue' }.after",
                            equalTo(berlin("2026-12-09T17:00").toString()));
            consistent(id);
        }
        assertEquals(0, replanner.replan(), "everything is on the latest revision");

        clock.set(berlin("2026-12-09T09:00"));
        comment(employee(person), waiting, "October", "PUBLIC").statusCode(201);
        assertEquals(berlin("2026-12-10T16:00"), resolutionDue(waiting), "60 minutes used, 900 left from Wednesday");
        consistent(waiting);
        consistent(resolved);
        status(employee(person), resolved, "IN_PROGRESS", "Still wrong").statusCode(200);
        assertEquals(berlin("2026-12-10T16:00"), resolutionDue(resolved), "reopened on the latest revision");
        consistent(resolved);
    }

    @Test
    void aRequestNotReachedYetIsReplannedBeforeItsNextChange() {
        clock.set(berlin("2026-12-07T09:00"));
        String id = Api.submit(employee(person), type, "Question");
        clock.set(berlin("2026-12-07T10:30"));
        edit(Api.OFFICE_HOURS, "[\"2026-12-08\"]");
        clock.set(berlin("2026-12-07T11:30"));
        assign(agent(agent, team), id, agent).statusCode(200);
        assertEquals(berlin("2026-12-09T17:00"), resolutionDue(id), "re-planned from 10:30, before the assignment");
        assertEquals(berlin("2026-12-07T10:30"), instant(as(agent(agent, team)).get("/api/v1/requests/" + id
                + "/history").then().extract().path("items.find { it.field == 'serviceLevel.calendar' }.at")),
                "the revision took over when it came into force");
        replanner.replan();
        as(agent(agent, team)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.findAll { it.field == 'serviceLevel.calendar' }.size()", equalTo(1));
        consistent(id);
    }

    @Test
    void twoEditsAreCountedRevisionByRevision() {
        clock.set(berlin("2026-12-07T09:00"));
        String id = Api.submit(employee(person), type, "Question");
        clock.set(berlin("2026-12-07T10:00"));
        edit(HALF_DAYS, "[]");
        clock.set(berlin("2026-12-07T12:00"));
        edit(Api.OFFICE_HOURS, "[\"2026-12-08\"]");
        clock.set(berlin("2026-12-07T14:00"));
        replanner.replan();
        // 60 minutes under revision 1, 120 under revision 2, the remaining 780 from 12:00 under revision 3
        assertEquals(berlin("2026-12-09T17:00"), resolutionDue(id));
        as(agent(agent, team)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.findAll { it.field == 'serviceLevel.calendar' }.after",
                        equalTo(List.of(calendar + "@2", calendar + "@3")));
        consistent(id);
    }

    @Test
    void aSubmissionAfterAnEditIsPlannedWithTheNewRevision() {
        clock.set(berlin("2026-12-07T09:00"));
        Api.submit(employee(person), type, "Before the edit"); // the calendar's clock is now kept on this replica
        edit(Api.OFFICE_HOURS, "[\"2026-12-08\"]");
        String id = Api.submit(employee(person), type, "After the edit");
        assertEquals(berlin("2026-12-09T17:00"), resolutionDue(id), "Tuesday is a holiday for it at once");
        as(agent(agent, team)).get("/api/v1/requests/" + id + "/history").then()
                .body("items.findAll { it.field == 'serviceLevel.calendar' }.size()", equalTo(0));
        consistent(id);
    }

    @Test
    void aNameChangeIsNoNewRevision() {
        String etag = as(Api.admin()).get("/api/v1/calendars/" + calendar).then().extract().header("ETag");
        as(Api.admin()).header("If-Match", etag).body("""
                {"key":"%s","name":"Renamed office","zone":"Europe/Berlin","workingHours":%s,"holidays":[]}"""
                .formatted(calendar, Api.OFFICE_HOURS)).put("/api/v1/calendars/" + calendar).then().statusCode(200)
                .body("name", equalTo("Renamed office")).body("revision", equalTo(1));
        as(Api.admin()).get("/api/v1/calendars/" + calendar + "/revisions").then().body("items.size()", equalTo(1));
        as(Api.admin()).get("/api/v1/calendars/no-such-calendar/revisions").then().statusCode(404);
    }
}
