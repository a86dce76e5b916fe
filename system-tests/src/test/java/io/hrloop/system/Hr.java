package io.hrloop.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What people do through the deployed services' APIs in the trust system tests. */
final class Hr {

    static final String ADMIN = "admin-system";

    private Hr() {
    }

    static RequestSpecification as(String baseUrl, String token) {
        return given().baseUri(baseUrl).auth().oauth2(token).contentType(ContentType.JSON);
    }

    static String admin() {
        return Tokens.of(ADMIN, null, "hr-admin");
    }

    /** Enters a person in the staff register (If-Match with the current ETag when they are there already). */
    static void staff(Suite suite, String person, String team, String... roles) {
        Response current = as(suite.request.baseUrl(), admin()).get("/api/v1/staff/" + person);
        RequestSpecification put = as(suite.request.baseUrl(), admin());
        if (current.statusCode() == 200) {
            put.header("If-Match", current.header("ETag"));
        }
        put.body(Map.of("team", team, "roles", List.of(roles), "active", true)).put("/api/v1/staff/" + person)
                .then().statusCode(org.hamcrest.Matchers.oneOf(200, 201));
    }

    /** Submits a request (with an Idempotency-Key); returns its id. */
    static String submit(Suite suite, String person, String type, String subject, String description) {
        return as(suite.request.baseUrl(), Tokens.employee(person)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", type, "subject", subject, "description", description))
                .post("/api/v1/requests").then().statusCode(201).extract().path("id");
    }

    static void comment(Suite suite, String token, String requestId, String body, String visibility) {
        as(suite.request.baseUrl(), token).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("body", body, "visibility", visibility))
                .post("/api/v1/requests/" + requestId + "/comments").then().statusCode(201);
    }

    /** The owner takes the request, starts and resolves it. */
    static void resolve(Suite suite, String ownerToken, String owner, String requestId) {
        as(suite.request.baseUrl(), ownerToken).body(Map.of("owner", owner))
                .post("/api/v1/requests/" + requestId + "/assignment").then().statusCode(200);
        for (String status : List.of("IN_PROGRESS", "RESOLVED")) {
            as(suite.request.baseUrl(), ownerToken).body(Map.of("status", status))
                    .post("/api/v1/requests/" + requestId + "/status").then().statusCode(200);
        }
    }

    /** Unsolicited feedback about a request type; returns the 201 answer. */
    static JsonPath feedback(Suite suite, String person, String type, int csat, String comment, boolean anonymous) {
        return as(suite.feedback.baseUrl(), Tokens.employee(person)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("subjectType", "REQUEST_TYPE", "subjectKey", type, "csat", csat, "comment", comment,
                        "anonymous", anonymous))
                .post("/api/v1/feedback").then().statusCode(201).extract().jsonPath();
    }

    /** Waits for the person's survey invitation and answers it. */
    static void answerSurvey(Suite suite, String person, int csat, String comment) {
        String token = await("a survey invitation for " + person, Duration.ofSeconds(60), () -> {
            JsonPath page = as(suite.feedback.baseUrl(), Tokens.employee(person)).get("/api/v1/surveys").then()
                    .statusCode(200).extract().jsonPath();
            return page.getList("items").isEmpty() ? null : page.getString("items[0].token");
        });
        given().baseUri(suite.feedback.baseUrl()).contentType(ContentType.JSON)
                .body(Map.of("csat", csat, "nps", 2, "comment", comment))
                .post("/api/v1/surveys/" + token + "/response").then().statusCode(201);
    }

    /** An hr-lead takes an improvement item to IMPLEMENTED, with a lesson: from then on everyone reads it. */
    static void implement(Suite suite, String lead, String itemId) {
        for (String status : List.of("ACCEPTED", "IN_PROGRESS")) {
            as(suite.improvement.baseUrl(), lead).body(Map.of("status", status))
                    .post("/api/v1/improvements/" + itemId + "/status").then().statusCode(200);
        }
        as(suite.improvement.baseUrl(), lead).body(Map.of("kind", "LESSON", "title", "Answer within a day",
                "body", "A same-day first answer removed most complaints."))
                .post("/api/v1/improvements/" + itemId + "/lessons").then().statusCode(201);
        as(suite.improvement.baseUrl(), lead).body(Map.of("status", "IMPLEMENTED",
                "summary", "First answers now within one business day"))
                .post("/api/v1/improvements/" + itemId + "/status").then().statusCode(200);
    }

    static <T> T await(String what, Duration timeout, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            Flow.sleep(500);
        }
        T last = probe.get();
        assertNotNull(last, "timed out waiting for " + what);
        return last;
    }
}
