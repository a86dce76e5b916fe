package io.hrloop.request.api;

import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.request.support.Api;
import io.hrloop.request.support.MutableClock;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Management;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SubmissionTest {

    @Inject
    MutableClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void healthIsUpAndTheApiNeedsAToken() {
        Management.given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/api/v1/requests").then().statusCode(401).contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void submissionIsPublishedThroughTheOutboxAsASchemaValidCloudEvent() {
        String team = unique("payroll");
        String type = Api.type(team, false, 60, 480, Api.calendar("[]"), 0.3);
        String person = unique("emp");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            var created = as(employee(person)).body(Map.of("type", type, "subject", "Overtime missing",
                    "description", "October payslip", "priority", "HIGH"))
                    .post("/api/v1/requests").then().statusCode(201)
                    .header("Location", notNullValue()).header("ETag", "\"0\"")
                    .body("reference", matchesPattern("HR-\\d{6,}")).body("status", equalTo("SUBMITTED"))
                    .body("requester", equalTo(person)).body("team", equalTo(team)).body("priority", equalTo("HIGH"))
                    .body("channel", equalTo("PORTAL")).body("allowedTransitions", equalTo(List.of("ASSIGNED", "WITHDRAWN")))
                    .body("serviceLevel.paused", equalTo(false)).body("serviceLevel.breached", equalTo(false))
                    .extract();
            String id = created.path("id");
            assertEquals("/api/v1/requests/" + id, java.net.URI.create(created.header("Location")).getPath());
            List<JsonNode> events = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            assertEquals(1, events.size());
            JsonNode event = events.getFirst();
            assertEquals("1.0", event.path("specversion").asText());
            assertEquals("hr.request.submitted", event.path("type").asText());
            assertEquals("/hrloop/request-service", event.path("source").asText());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_SUBMITTED, event.path("data")));
            JsonNode data = event.path("data");
            assertEquals(type, data.path("requestType").asText());
            assertEquals("payroll", data.path("category").asText());
            assertEquals(team, data.path("team").asText());
            assertEquals(person, data.path("requester").asText());
            assertEquals(0.3, data.path("surveySamplingRate").asDouble());
            assertEquals(created.path("reference").toString(), data.path("reference").asText());
        }
        as(employee(person)).get("/api/v1/requests").then().statusCode(200).body("items", hasSize(1))
                .body("next", equalTo(null));
    }

    @Test
    void dueTimesCountBusinessHoursOfTheTypesCalendar() {
        String type = Api.type(unique("team"), false, 240, 240);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        clock.set(ZonedDateTime.of(2026, 11, 20, 16, 30, 0, 0, berlin).toInstant()); // a Friday
        String id = Api.submit(employee(unique("emp")), type, "Friday afternoon question");
        String due = as(Api.admin()).get("/api/v1/requests/" + id).then().statusCode(200)
                .body("serviceLevel.resolution.targetMinutes", equalTo(240))
                .extract().path("serviceLevel.resolutionDue");
        ZonedDateTime dueLocal = OffsetDateTime.parse(due).atZoneSameInstant(berlin);
        assertEquals(ZonedDateTime.of(2026, 11, 23, 12, 30, 0, 0, berlin), dueLocal, "Monday 12:30 in Berlin");
        assertEquals(java.time.DayOfWeek.MONDAY, dueLocal.getDayOfWeek());
        assertEquals("+01:00", OffsetDateTime.parse(due).getOffset().getId(), "shown in the calendar's zone");
    }

    @Test
    void invalidBodyIsAValidationProblemAndChangesNothing() {
        String person = unique("emp");
        as(employee(person)).body("{\"type\":\"x\",\"subject\":\"\"}").post("/api/v1/requests").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("subject", "description"));
        as(employee(person)).body("{\"type\":\"x\",\"subject\":\"s\",\"description\":\"d\",\"priority\":\"SOON\"}")
                .post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json");
        as(employee(person)).body(Map.of("type", "no-such-type", "subject", "s", "description", "d"))
                .post("/api/v1/requests").then().statusCode(422)
                .body("type", equalTo("https://hrloop.dev/problems/unknown-request-type"));
        as(employee(person)).get("/api/v1/requests").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void idempotencyKeyReplaysTheFirstResult() {
        String type = Api.type(unique("team"), false, 60, 480);
        String person = unique("emp");
        Map<String, String> body = Map.of("type", type, "subject", "Parental leave", "description", "From March");
        String first = as(employee(person)).header("Idempotency-Key", "k-1").body(body).post("/api/v1/requests")
                .then().statusCode(201).extract().path("id");
        String second = as(employee(person)).header("Idempotency-Key", "k-1").body(body).post("/api/v1/requests")
                .then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        as(employee(person)).header("Idempotency-Key", "k-1").body(Map.of("type", type, "subject", "Other",
                "description", "x")).post("/api/v1/requests").then().statusCode(422);
        as(employee(person)).get("/api/v1/requests").then().statusCode(200).body("items", hasSize(1));
    }

    /**
     * Eight copies of one submission with one key at once (a client retrying on every connection): the first to
     * record the key creates the request; the others are rolled back and replay its result, so one request and one
     * {@code hr.request.submitted} event exist.
     */
    @Test
    void concurrentDuplicatesOfOneKeyCreateOneRequestAndReplayIt() throws Exception {
        String type = Api.type(unique("team"), false, 60, 480);
        String person = unique("emp");
        String token = employee(person);
        Map<String, String> body = Map.of("type", type, "subject", "Parental leave", "description", "From March");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                futures.add(pool.submit(() -> {
                    var response = as(token).header("Idempotency-Key", "same-key").body(body).post("/api/v1/requests")
                            .then().statusCode(201).extract();
                    return List.of(response.<String>path("id"), String.valueOf(response.header("Idempotent-Replayed")));
                }));
            }
            Set<String> ids = new HashSet<>();
            int replayed = 0;
            for (Future<List<String>> f : futures) {
                List<String> answer = f.get();
                ids.add(answer.get(0));
                replayed += "true".equals(answer.get(1)) ? 1 : 0;
            }
            assertEquals(1, ids.size(), "one request for one key: " + ids);
            assertEquals(7, replayed, "every copy but the first is a replay");
            assertEquals(1, probe.drain(Duration.ofSeconds(3), e -> e.path("type").asText().equals("hr.request.submitted")
                    && person.equals(e.path("data").path("requester").asText())).size(), "one submitted event");
        } finally {
            pool.shutdown();
        }
        as(employee(person)).get("/api/v1/requests").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void managersFileOnBehalfOfAndIntegrationsNameTheRequester() {
        String type = Api.type(unique("team"), false, 60, 480);
        String manager = unique("mgr");
        String report = unique("emp");
        String id = as(Api.manager(manager)).body(Map.of("type", type, "subject", "Leave for my report",
                "description", "d", "onBehalfOf", report)).post("/api/v1/requests").then().statusCode(201)
                .body("requester", equalTo(manager)).body("onBehalfOf", equalTo(report)).extract().path("id");
        Api.read(employee(report), id).statusCode(200);
        as(employee(report)).get("/api/v1/requests").then().body("items.id", equalTo(List.of(id)));

        as(employee(unique("emp"))).body(Map.of("type", type, "subject", "s", "description", "d", "onBehalfOf", "x"))
                .post("/api/v1/requests").then().statusCode(403);
        as(employee(unique("emp"))).body(Map.of("type", type, "subject", "s", "description", "d", "requester", "x"))
                .post("/api/v1/requests").then().statusCode(403);
        as(Api.service("email-gateway")).body(Map.of("type", type, "subject", "s", "description", "d"))
                .post("/api/v1/requests").then().statusCode(400);

        String forwarded = unique("emp");
        String viaEmail = as(Api.service("email-gateway")).body(Map.of("type", type, "subject", "By email",
                "description", "d", "requester", forwarded, "channel", "EMAIL")).post("/api/v1/requests").then()
                .statusCode(201).body("requester", equalTo(forwarded)).body("channel", equalTo("EMAIL"))
                .extract().path("id");
        Api.read(employee(forwarded), viaEmail).statusCode(200);
        Api.read(employee(manager), viaEmail).statusCode(404);
    }

    @Test
    void confidentialRequestsTravelWithoutRequesterAndSubject() {
        String type = Api.type(unique("er"), true, 60, 480);
        String person = unique("emp");
        try (EventProbe probe = EventProbe.at("hr.requests")) {
            String id = Api.submit(employee(person), type, "Concern about my manager");
            JsonNode data = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()))
                    .getFirst().path("data");
            assertTrue(data.path("confidential").asBoolean());
            assertTrue(data.path("requester").isNull());
            assertTrue(data.path("subject").isNull());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.REQUEST_SUBMITTED, data));
        }
    }

    @Test
    void referencesAreUniqueUnderConcurrentSubmissions() throws Exception {
        String type = Api.type(unique("team"), false, 60, 480);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                String token = employee(unique("emp"));
                futures.add(pool.submit(() -> as(token).body(Map.of("type", type, "subject", "s", "description", "d"))
                        .post("/api/v1/requests").then().statusCode(201).extract().<String>path("reference")));
            }
            Set<String> references = new HashSet<>();
            for (Future<String> f : futures) {
                references.add(f.get());
            }
            assertEquals(24, references.size());
        } finally {
            pool.shutdown();
        }
    }
}
