package io.hrloop.request.support;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Shared fixtures of the API tests: personas, a calendar, request types, and common calls. */
public final class Api {

    public static final String OFFICE_HOURS = """
            {"MONDAY":[{"start":"09:00","end":"17:00"}],"TUESDAY":[{"start":"09:00","end":"17:00"}],
             "WEDNESDAY":[{"start":"09:00","end":"17:00"}],"THURSDAY":[{"start":"09:00","end":"17:00"}],
             "FRIDAY":[{"start":"09:00","end":"17:00"}]}""";

    private Api() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String admin() {
        return Tokens.of("admin-1", null, "hr-admin");
    }

    public static String employee(String person) {
        return Tokens.employee(person);
    }

    public static String manager(String person) {
        return Tokens.of(person, null, "employee", "manager");
    }

    public static String agent(String person, String team) {
        return Tokens.of(person, team, "hr-agent");
    }

    public static String lead(String person, String team) {
        return Tokens.of(person, team, "hr-agent", "hr-lead");
    }

    public static String erSpecialist(String person) {
        return Tokens.of(person, "employee-relations", "er-specialist");
    }

    public static String service(String person) {
        return Tokens.of(person, null, "service");
    }

    /**
     * hr-admin enters {@code person} in the staff register with these roles and team (so they may own requests);
     * replacing an entry that exists already sends its ETag, as every replace must.
     */
    public static void staff(String person, String team, String... roles) {
        RequestSpecification put = as(admin()).body(Map.of("team", team, "roles", List.of(roles), "active", true));
        String etag = etag("/api/v1/staff/" + person);
        if (etag != null) {
            put.header("If-Match", etag);
        }
        put.put("/api/v1/staff/" + person).then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** The ETag hr-admin reads at {@code path}, or null when there is nothing there (404). */
    public static String etag(String path) {
        io.restassured.response.Response read = as(admin()).get(path);
        if (read.statusCode() == 404) {
            return null;
        }
        read.then().statusCode(200);
        return read.header("ETag");
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    /** A Monday–Friday 09:00–17:00 Europe/Berlin calendar with the given holidays (JSON array). */
    public static String calendar(String holidays) {
        String key = unique("cal");
        as(admin()).body("""
                {"key":"%s","name":"Office","zone":"Europe/Berlin","workingHours":%s,"holidays":%s}"""
                .formatted(key, OFFICE_HOURS, holidays))
                .post("/api/v1/calendars").then().statusCode(201);
        return key;
    }

    /** A request type of {@code team} with the same targets for every priority. */
    public static String type(String team, boolean confidential, int firstResponseMinutes, int resolutionMinutes) {
        return type(team, confidential, firstResponseMinutes, resolutionMinutes, calendar("[]"), 1.0);
    }

    public static String type(String team, boolean confidential, int firstResponseMinutes, int resolutionMinutes,
            String calendar, double samplingRate) {
        String key = unique("type");
        String target = "{\"firstResponseMinutes\":%d,\"resolutionMinutes\":%d}".formatted(firstResponseMinutes,
                resolutionMinutes);
        as(admin()).body("""
                {"key":"%s","name":"Test type","category":"%s","defaultPriority":"NORMAL","team":"%s",
                 "confidential":%s,"calendar":"%s","targets":{"LOW":%s,"NORMAL":%s,"HIGH":%s,"URGENT":%s},
                 "surveySamplingRate":%s}"""
                .formatted(key, confidential ? "employee-relations" : "payroll", team, confidential, calendar, target,
                        target, target, target, samplingRate))
                .post("/api/v1/request-types").then().statusCode(201);
        return key;
    }

    /** A request type of {@code team} with targets per priority, {@code {"LOW":{...},"NORMAL":{...},...}}. */
    public static String typeWithTargets(String team, boolean confidential, String calendar, String targets) {
        String key = unique("type");
        as(admin()).body("""
                {"key":"%s","name":"Test type","category":"%s","defaultPriority":"NORMAL","team":"%s",
                 "confidential":%s,"calendar":"%s","targets":%s,"surveySamplingRate":1.0}"""
                .formatted(key, confidential ? "employee-relations" : "payroll", team, confidential, calendar, targets))
                .post("/api/v1/request-types").then().statusCode(201);
        return key;
    }

    public static String submit(String token, String type, String subject) {
        return as(token).body(Map.of("type", type, "subject", subject, "description", "Details of " + subject))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
    }

    public static ValidatableResponse read(String token, String id) {
        return as(token).get("/api/v1/requests/" + id).then();
    }

    public static ValidatableResponse assign(String token, String id, String owner) {
        return as(token).body(Map.of("owner", owner)).post("/api/v1/requests/" + id + "/assignment").then();
    }

    public static ValidatableResponse status(String token, String id, String status, String note) {
        return as(token).body(note == null ? Map.of("status", status) : Map.of("status", status, "note", note))
                .post("/api/v1/requests/" + id + "/status").then();
    }

    public static ValidatableResponse comment(String token, String id, String body, String visibility) {
        return as(token).body(Map.of("body", body, "visibility", visibility))
                .post("/api/v1/requests/" + id + "/comments").then();
    }
}
