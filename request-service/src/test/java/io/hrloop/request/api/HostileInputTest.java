package io.hrloop.request.api;

import static io.hrloop.request.support.Api.admin;
import static io.hrloop.request.support.Api.as;
import static io.hrloop.request.support.Api.employee;
import static io.hrloop.request.support.Api.unique;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.request.support.Api;
import io.hrloop.request.support.RawHttp;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Hostile input on the HTTP layer is a clean 4xx problem+json that changes nothing: control characters in
 * paths and filters, over-long targets and headers, bodies too large or too deep, wrong content types.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class HostileInputTest {

    static final ObjectMapper JSON = new ObjectMapper();

    String type;
    String person;
    String token;

    @BeforeEach
    void catalogue() {
        type = Api.type(unique("team"), false, 60, 480);
        person = unique("emp");
        token = employee(person);
    }

    int requestsOfType() {
        return as(admin()).queryParam("type", type).queryParam("limit", 100).get("/api/v1/requests").then()
                .statusCode(200).extract().path("items.size()");
    }

    static JsonNode problem(RawHttp.Answer answer, int status) throws Exception {
        assertEquals(status, answer.status(), answer.toString());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.toString());
        JsonNode problem = JSON.readTree(answer.body());
        assertEquals(status, problem.path("status").asInt());
        return problem;
    }

    @Test
    void controlCharactersInPathsAndFiltersAreRefusedBeforeAnyResource() throws Exception {
        for (String target : List.of("/api/v1/request-types/%00", "/api/v1/calendars/%00", "/api/v1/calendars/a%0Db",
                "/api/v1/requests?q=%00", "/api/v1/requests?type=a%01b", "/api/v1/requests?status=%00",
                "/api/v1/requests?q=%C3%28", "/api/v1/requests/%00", "/api/v1/service-levels?team=%7F",
                "/api/v1/staff/%00", "/api/v1/people/%00")) {
            JsonNode problem = problem(RawHttp.get(target, admin()), 400);
            assertEquals("https://hrloop.dev/problems/invalid-characters", problem.path("type").asText(), target);
        }
        assertEquals("q", problem(RawHttp.get("/api/v1/requests?q=%00", token), 400).path("errors").path(0)
                .path("field").asText());
        problem(RawHttp.get("/api/v1/request-types/%00", null), 400);
        String request = Api.submit(token, type, "Question");
        byte[] comment = "{\"body\":\"hello\",\"visibility\":\"PUBLIC\"}".getBytes(StandardCharsets.UTF_8);
        problem(RawHttp.send("POST /api/v1/requests/" + request + "/comments?x=%00 HTTP/1.1\r\nAuthorization: Bearer "
                + token + "\r\nContent-Type: application/json\r\nContent-Length: " + comment.length, comment), 400);
        as(token).get("/api/v1/requests/" + request + "/comments").then().body("items.size()", equalTo(0));
        as(token).queryParam("q", "café crème").get("/api/v1/requests").then().statusCode(200);
    }

    @Test
    void overLongTargetsAndHeadersAreProblems() throws Exception {
        JsonNode uri = problem(RawHttp.get("/api/v1/requests?q=" + "x".repeat(10_000), token), 414);
        assertEquals("https://hrloop.dev/problems/uri-too-long", uri.path("type").asText());
        JsonNode headers = problem(RawHttp.send("GET /api/v1/requests HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nX-Filler: " + "y".repeat(40_000), null), 431);
        assertEquals("https://hrloop.dev/problems/headers-too-large", headers.path("type").asText());
        // Beyond the transport limit (64 KB) Vert.x answers by itself, still a 4xx.
        assertEquals(414, RawHttp.get("/api/v1/requests?q=" + "x".repeat(70_000), token).status());
        assertEquals(200, RawHttp.get("/api/v1/requests?q=" + "x".repeat(4_000), token).status());
    }

    @Test
    void bodiesTooLargeOrTooDeepAreRefusedAndChangeNothing() throws Exception {
        JsonNode tooLarge = problem(RawHttp.send("POST /api/v1/requests HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nContent-Length: 10485760", null), 413);
        assertEquals("https://hrloop.dev/problems/body-too-large", tooLarge.path("type").asText());

        // Bodies as bytes: REST Assured takes seconds over a deeply nested String body before it sends it.
        byte[] deep = ("{\"type\":\"" + type + "\",\"padding\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}")
                .getBytes(StandardCharsets.UTF_8);
        as(token).body(deep).post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("nested too deeply"));
        as(token).body(("[".repeat(10_000) + "]".repeat(10_000)).getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json");
        as(token).body(("{\"type\":\"" + type + "\",\"subject\":\"" + "s".repeat(150_000) + "\",\"description\":\"d\"}")
                .getBytes(StandardCharsets.UTF_8)).post("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("a string is too long"));
        as(token).body("{\"type\":\"" + type + "\",\"subject\":\"a\\u0000b\",\"description\":\"d\"}")
                .post("/api/v1/requests").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://hrloop.dev/problems/invalid-characters"))
                .body("errors.field", hasItem("subject"));
        assertEquals(0, requestsOfType());
    }

    @Test
    void aChunkedBodyBeyondTheLimitIsRefused() throws Exception {
        // Two megabytes in short strings, sent without Content-Length: only the stream can tell it is too large.
        String padding = "\"" + "p".repeat(998) + "\",";
        String json = "{\"type\":\"" + type + "\",\"padding\":[" + padding.repeat(2_000) + "\"end\"]}";
        byte[] chunk = json.getBytes(StandardCharsets.UTF_8);
        byte[] body = (Integer.toHexString(chunk.length) + "\r\n" + json + "\r\n0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer answer = RawHttp.send("POST /api/v1/requests HTTP/1.1\r\nAuthorization: Bearer " + token
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked", body);
        // Quarkus's request stream answers this one itself, without a body (see the README's limits).
        assertEquals(413, answer.status(), answer.toString());
        assertEquals(0, requestsOfType());
    }

    @Test
    void wrongContentTypesAre415Problems() {
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            given().auth().oauth2(token).contentType(contentType).body("type=" + type + "&subject=s&description=d")
                    .post("/api/v1/requests").then().statusCode(415).contentType("application/problem+json")
                    .body("type", equalTo("https://hrloop.dev/problems/unsupported-media-type"));
        }
        assertEquals(0, requestsOfType());
    }

    @Test
    void aForgedCursorIsABadRequest() {
        String nul = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("\u0000".getBytes());
        as(token).queryParam("cursor", nul).get("/api/v1/calendars").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("https://hrloop.dev/problems/invalid-cursor"));
        String farFuture = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                "-createdAt\n+300000-01-01T00:00:00Z\n00000000-0000-0000-0000-000000000000".getBytes());
        as(token).queryParam("cursor", farFuture).get("/api/v1/requests").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
