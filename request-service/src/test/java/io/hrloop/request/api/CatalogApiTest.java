package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import io.hrloop.request.support.Api;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class CatalogApiTest {

    static String calendarBody(String key, String workingHours) {
        return """
                {"key":"%s","name":"Office","zone":"Europe/Berlin","workingHours":%s,"holidays":["2026-12-25"]}"""
                .formatted(key, workingHours);
    }

    @Test
    void adminManagesCalendarsAndEveryoneReadsThem() {
        String key = unique("cal");
        as(admin()).body(calendarBody(key, Api.OFFICE_HOURS)).post("/api/v1/calendars").then()
                .statusCode(201).header("Location", org.hamcrest.Matchers.endsWith("/api/v1/calendars/" + key)).header("ETag", "\"0\"")
                .body("zone", equalTo("Europe/Berlin"))
                .body("workingHours.MONDAY[0].start", equalTo("09:00"))
                .body("workingHours.SATURDAY", nullValue())
                .body("holidays", equalTo(java.util.List.of("2026-12-25")));
        as(employee("emp-cal")).get("/api/v1/calendars/" + key).then().statusCode(200).header("ETag", "\"0\"");

        String update = calendarBody(key, """
                {"MONDAY":[{"start":"08:00","end":"12:00"},{"start":"13:00","end":"24:00"}]}""");
        as(admin()).header("If-Match", "\"7\"").body(update).put("/api/v1/calendars/" + key).then()
                .statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(0));
        as(admin()).header("If-Match", "\"0\"").body(update).put("/api/v1/calendars/" + key).then()
                .statusCode(200).header("ETag", "\"1\"").body("workingHours.MONDAY[1].end", equalTo("24:00"))
                .body("workingHours.TUESDAY", nullValue());
    }

    @Test
    void onlyHrAdminChangesTheCatalogue() {
        as(employee("emp-x")).body(calendarBody(unique("cal"), Api.OFFICE_HOURS)).post("/api/v1/calendars")
                .then().statusCode(403).contentType("application/problem+json");
        as(Api.lead("lead-x", "payroll")).body(calendarBody(unique("cal"), Api.OFFICE_HOURS))
                .post("/api/v1/calendars").then().statusCode(403);
    }

    @Test
    void unusableCalendarsAreProblemsAndStoreNothing() {
        String key = unique("cal");
        as(admin()).body(calendarBody(key, Api.OFFICE_HOURS).replace("Europe/Berlin", "Mars/Olympus"))
                .post("/api/v1/calendars").then().statusCode(400).body("errors.field", hasItem("zone"));
        as(admin()).body(calendarBody(key, "{\"MONDAY\":[{\"start\":\"25:00\",\"end\":\"26:00\"}]}"))
                .post("/api/v1/calendars").then().statusCode(400).body("errors.field", hasItem("workingHours.MONDAY[0]"));
        as(admin()).body(calendarBody(key,
                "{\"MONDAY\":[{\"start\":\"09:00\",\"end\":\"12:00\"},{\"start\":\"11:00\",\"end\":\"14:00\"}]}"))
                .post("/api/v1/calendars").then().statusCode(400).body("detail", org.hamcrest.Matchers.containsString("overlap"));
        as(admin()).body(calendarBody(key, "{}")).post("/api/v1/calendars").then().statusCode(400);
        as(admin()).body(calendarBody(key, "{\"MONDAYS\":[]}")).post("/api/v1/calendars").then().statusCode(400)
                .contentType("application/problem+json");
        as(admin()).get("/api/v1/calendars/" + key).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void duplicateKeysConflict() {
        String key = unique("cal");
        as(admin()).body(calendarBody(key, Api.OFFICE_HOURS)).post("/api/v1/calendars").then().statusCode(201);
        as(admin()).body(calendarBody(key, Api.OFFICE_HOURS)).post("/api/v1/calendars").then().statusCode(409);
    }

    @Test
    void requestTypesCarryTargetsPerPriority() {
        String team = unique("team");
        String key = Api.type(team, false, 60, 480);
        as(employee("emp-t")).get("/api/v1/request-types/" + key).then().statusCode(200)
                .body("team", equalTo(team)).body("category", equalTo("payroll"))
                .body("targets.URGENT.firstResponseMinutes", equalTo(60))
                .body("targets.LOW.resolutionMinutes", equalTo(480))
                .body("surveySamplingRate", equalTo(1)).body("active", equalTo(true));
    }

    static String typeBody(String key, String calendar, String category, String targets, String rate) {
        return """
                {"key":"%s","name":"T","category":"%s","team":"t","calendar":"%s","targets":%s,"surveySamplingRate":%s}"""
                .formatted(key, category, calendar, targets, rate);
    }

    static final String ALL_TARGETS = """
            {"LOW":{"firstResponseMinutes":60,"resolutionMinutes":600},"NORMAL":{"firstResponseMinutes":60,"resolutionMinutes":600},
             "HIGH":{"firstResponseMinutes":60,"resolutionMinutes":600},"URGENT":{"firstResponseMinutes":30,"resolutionMinutes":120}}""";

    @Test
    void invalidRequestTypesAreRefused() {
        String calendar = Api.calendar("[]");
        String key = unique("type");
        as(admin()).body(typeBody(key, calendar, "payroll", "{\"LOW\":{\"firstResponseMinutes\":60,\"resolutionMinutes\":600}}", "1"))
                .post("/api/v1/request-types").then().statusCode(400).body("errors.field", hasItem("targets.NORMAL"));
        as(admin()).body(typeBody(key, calendar, "gardening", ALL_TARGETS, "1"))
                .post("/api/v1/request-types").then().statusCode(400).body("errors.field", hasItem("category"));
        as(admin()).body(typeBody(key, calendar, "payroll", ALL_TARGETS, "1.5"))
                .post("/api/v1/request-types").then().statusCode(400).body("errors.field", hasItem("surveySamplingRate"));
        as(admin()).body(typeBody(key, calendar, "payroll", ALL_TARGETS.replace("\"resolutionMinutes\":120", "\"resolutionMinutes\":10"), "1"))
                .post("/api/v1/request-types").then().statusCode(400);
        as(admin()).body(typeBody(key, "no-such-calendar", "payroll", ALL_TARGETS, "1"))
                .post("/api/v1/request-types").then().statusCode(422).body("type", equalTo("https://hrloop.dev/problems/unknown-calendar"));
        as(admin()).get("/api/v1/request-types/" + key).then().statusCode(404);
    }

    @Test
    void requestTypeUpdateNeedsTheCurrentVersion() {
        String calendar = Api.calendar("[]");
        String key = unique("type");
        as(admin()).body(typeBody(key, calendar, "payroll", ALL_TARGETS, "0.25")).post("/api/v1/request-types")
                .then().statusCode(201).body("surveySamplingRate", equalTo(0.25f));
        String changed = typeBody(key, calendar, "benefits", ALL_TARGETS, "0.5");
        as(admin()).header("If-Match", "\"3\"").body(changed).put("/api/v1/request-types/" + key).then().statusCode(412);
        as(admin()).header("If-Match", "\"0\"").body(changed).put("/api/v1/request-types/" + key).then()
                .statusCode(200).body("category", equalTo("benefits")).body("version", equalTo(1));
        as(admin()).header("If-Match", "\"0\"").body(changed).put("/api/v1/request-types/" + key).then().statusCode(412);
    }

    @Test
    void idempotencyKeyReplaysTheCreation() {
        String calendar = Api.calendar("[]");
        String body = typeBody(unique("type"), calendar, "leave", ALL_TARGETS, "1");
        String first = as(admin()).header("Idempotency-Key", "create-type").body(body).post("/api/v1/request-types")
                .then().statusCode(201).extract().header("Location");
        as(admin()).header("Idempotency-Key", "create-type").body(body).post("/api/v1/request-types")
                .then().statusCode(201).header("Location", first).header("Idempotent-Replayed", "true");
    }

    @Test
    void catalogueListsAreCursorPaged() {
        Api.calendar("[]");
        Api.calendar("[]");
        var first = as(employee("emp-p")).queryParam("limit", 1).get("/api/v1/calendars").then().statusCode(200)
                .body("items", hasSize(1)).body("next", notNullValue()).extract();
        String next = first.path("next");
        String second = as(employee("emp-p")).queryParam("limit", 1).queryParam("cursor", next).get("/api/v1/calendars")
                .then().statusCode(200).body("items", hasSize(1)).extract().path("items[0].key");
        assertNotEquals(first.path("items[0].key"), second);
        as(employee("emp-p")).queryParam("cursor", "not-a-cursor!").get("/api/v1/calendars").then().statusCode(400);
        as(employee("emp-p")).queryParam("limit", 0).get("/api/v1/request-types").then().statusCode(400);
        as(employee("emp-p")).get("/api/v1/request-types").then().statusCode(200).body("items", not(hasSize(0)));
    }
}
