package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The backlog by hand: create, read, edit with ETags, lifecycle, access. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ImprovementApiTest {

    static String create(String area, String title, String extra) {
        return given().auth().oauth2(hr()).contentType(ContentType.JSON)
                .body("{\"title\":\"" + title + "\",\"problem\":\"Customers wait.\",\"area\":\"" + area
                        + "\",\"themes\":[\"speed\"]" + extra + "}")
                .when().post("/api/v1/improvements").then().statusCode(201).extract().path("id");
    }

    static void move(String id, String body, int expected) {
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(expected);
    }

    static io.restassured.response.ValidatableResponse get(String id) {
        return given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then().statusCode(200);
    }

    @Test
    void hrCreatesAnItemThatIsPublishedAsAValidEvent() {
        String area = area();
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            String id = given().auth().oauth2(hr()).contentType(ContentType.JSON)
                    .body("{\"title\":\"Answer payroll queries faster\",\"problem\":\"Days to a first answer.\","
                            + "\"area\":\"" + area + "\",\"themes\":[\"speed\",\"communication\"],\"effort\":2}")
                    .when().post("/api/v1/improvements")
                    .then().statusCode(201).header("Location", containsString("/api/v1/improvements/"))
                    .header("ETag", notNullValue())
                    .body("status", equalTo("PROPOSED")).body("origin", equalTo("MANUAL"))
                    .body("themes", contains("speed", "communication")).body("evidenceCount", equalTo(0))
                    .body("impactScore", equalTo(0.0f)).body("priority", equalTo(0.0f))
                    .extract().path("id");
            List<JsonNode> events = probe.await(1, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            assertEquals("hr.improvement.created", events.getFirst().path("type").asText());
            assertEquals("MANUAL", events.getFirst().path("data").path("origin").asText());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.IMPROVEMENT_CREATED,
                    events.getFirst().path("data")));
        }
    }

    @Test
    void invalidItemsAreProblemsAndCreateNothing() {
        String area = area();
        given().auth().oauth2(hr()).contentType(ContentType.JSON)
                .body("{\"title\":\"\",\"problem\":\"x\",\"area\":\"" + area + "\",\"themes\":[\"slowness\"],\"effort\":-1}")
                .when().post("/api/v1/improvements").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title", "effort"));
        given().auth().oauth2(hr()).queryParam("area", area).when().get("/api/v1/improvements")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(hr()).queryParam("theme", "slowness").when().get("/api/v1/improvements")
                .then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(hr()).queryParam("sort", "random").when().get("/api/v1/improvements")
                .then().statusCode(400);
    }

    @Test
    void employeesCannotManageAndSeeOnlyImplementedItems() {
        String area = area();
        String id = create(area, "Faster answers", "");
        given().auth().oauth2(employee()).contentType(ContentType.JSON)
                .body("{\"title\":\"x\",\"problem\":\"y\",\"area\":\"" + area + "\",\"themes\":[\"speed\"]}")
                .when().post("/api/v1/improvements").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + id + "/evidence").then().statusCode(404);
        given().auth().oauth2(employee()).queryParam("area", area).when().get("/api/v1/improvements")
                .then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(employee()).contentType(ContentType.JSON).body("{\"status\":\"ACCEPTED\"}")
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(403);

        move(id, "{\"status\":\"ACCEPTED\"}", 200);
        move(id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Daily triage\"}", 200);
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .body("status", equalTo("IMPLEMENTED")).body("createdBy", nullValue());
        given().auth().oauth2(employee()).queryParam("area", area).when().get("/api/v1/improvements")
                .then().statusCode(200).body("items.id", contains(id));
        given().when().get("/api/v1/improvements").then().statusCode(401);
    }

    @Test
    void theLifecycleRefusesIllegalMovesAndSaysWhichAreAllowed() {
        String id = create(area(), "Faster answers", "");
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"status\":\"IMPLEMENTED\"}")
                .when().post("/api/v1/improvements/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("allowed", contains("ACCEPTED", "REJECTED", "MERGED"))
                .body("from", equalTo("PROPOSED"));
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"status\":\"REJECTED\"}")
                .when().post("/api/v1/improvements/" + id + "/status")
                .then().statusCode(400).body("detail", equalTo("a rejection states its reason"));
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"status\":\"DONE\"}")
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("status"));
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            move(id, "{\"status\":\"REJECTED\",\"reason\":\"Covered by the portal project\"}", 200);
            JsonNode event = probe.await(1, Duration.ofSeconds(20),
                    e -> id.equals(e.path("subject").asText())).getFirst();
            assertEquals("hr.improvement.status-changed", event.path("type").asText());
            assertEquals("PROPOSED", event.path("data").path("previousStatus").asText());
            assertEquals("Covered by the portal project", event.path("data").path("reason").asText());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.IMPROVEMENT_STATUS_CHANGED, event.path("data")));
        }
        get(id).body("status", equalTo("REJECTED")).body("reason", equalTo("Covered by the portal project"));
        move(id, "{\"status\":\"ACCEPTED\"}", 409);
    }

    @Test
    void implementingPublishesTheImplementedEvent() {
        String id = create(area(), "Faster answers", "");
        move(id, "{\"status\":\"ACCEPTED\"}", 200);
        move(id, "{\"status\":\"IN_PROGRESS\"}", 200);
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            move(id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"First answer within a day\"}", 200);
            List<JsonNode> events = probe.await(2, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            JsonNode implemented = events.stream()
                    .filter(e -> e.path("type").asText().equals("hr.improvement.implemented")).findFirst().orElseThrow();
            assertEquals("First answer within a day", implemented.path("data").path("summary").asText());
            assertEquals(0, implemented.path("data").path("feedbackIds").size());
            assertEquals(List.of(), EventSchemas.violations(EventCatalog.IMPROVEMENT_IMPLEMENTED, implemented.path("data")));
        }
        get(id).body("implementedAt", notNullValue())
                .body("implementationSummary", equalTo("First answer within a day"));
    }

    @Test
    void editsNeedTheCurrentETagAndEffortSetsThePriority() {
        String id = create(area(), "Faster answers", "");
        String etag = get(id).extract().header("ETag");
        String next = given().auth().oauth2(hr()).contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"effort\":2,\"targetDate\":\"2026-12-31\",\"problem\":\"Three days to a first answer.\"}")
                .when().patch("/api/v1/improvements/" + id)
                .then().statusCode(200).body("effort", equalTo(2)).body("targetDate", equalTo("2026-12-31"))
                .body("problem", equalTo("Three days to a first answer.")).extract().header("ETag");
        assertNotEquals(etag, next);
        given().auth().oauth2(hr()).contentType(ContentType.JSON).header("If-Match", etag).body("{\"title\":\"Lost\"}")
                .when().patch("/api/v1/improvements/" + id)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"title\":\"Blind\"}")
                .when().patch("/api/v1/improvements/" + id)
                .then().statusCode(428).contentType("application/problem+json")
                .body("type", equalTo("https://hrloop.dev/problems/precondition-required"));
        given().auth().oauth2(hr()).contentType(ContentType.JSON).header("If-Match", next)
                .body("{\"status\":\"ACCEPTED\",\"effort\":0}").when().patch("/api/v1/improvements/" + id)
                .then().statusCode(400).body("errors.field", hasItems("status", "effort"));
        given().auth().oauth2(hr()).contentType(ContentType.JSON).header("If-Match", next).body("{\"effort\":null}")
                .when().patch("/api/v1/improvements/" + id).then().statusCode(200)
                .body("effort", nullValue()).body("priority", nullValue());
        get(id).body("title", equalTo("Faster answers"));
    }

    @Test
    void ownersCommentsAndIdempotentCreation() {
        String area = area();
        String body = "{\"title\":\"Once\",\"problem\":\"p\",\"area\":\"" + area + "\",\"themes\":[\"process\"]}";
        String first = given().auth().oauth2(hr()).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + area)
                .body(body).when().post("/api/v1/improvements").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(hr()).contentType(ContentType.JSON).header("Idempotency-Key", "k-" + area)
                .body(body).when().post("/api/v1/improvements").then().statusCode(201).extract().path("id");
        assertEquals(first, second);
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"owner\":\"lead-7\"}")
                .when().post("/api/v1/improvements/" + first + "/assignment").then().statusCode(200)
                .body("owner", equalTo("lead-7"));
        String location = given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"body\":\"Talk to payroll\"}")
                .when().post("/api/v1/improvements/" + first + "/comments").then().statusCode(201)
                .body("author", equalTo("hr-agent-1")).extract().header("Location");
        given().auth().oauth2(hr()).when().get(java.net.URI.create(location).getPath()).then().statusCode(200)
                .body("body", equalTo("Talk to payroll"));
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + first + "/comments").then().statusCode(200)
                .body("items.body", contains("Talk to payroll")).body("next", nullValue());
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + first + "/comments").then().statusCode(403);
        assertEquals(1, io.hrloop.improvement.Fixtures.items(area).size());
    }

    @Test
    void listsSortByPriorityThenImpactAndPageWithCursors() {
        String area = area();
        String cheap = create(area, "Cheap", ",\"effort\":1");
        String costly = create(area, "Costly", ",\"effort\":5");
        String unestimated = create(area, "Unestimated", "");
        // No evidence yet: every impact is 0, so priority ties and the order falls back to impact, then id.
        List<String> ids = given().auth().oauth2(hr()).queryParam("area", area).queryParam("limit", 2)
                .when().get("/api/v1/improvements").then().statusCode(200).body("items", hasSize(2))
                .body("next", notNullValue()).extract().path("items.id");
        String cursor = given().auth().oauth2(hr()).queryParam("area", area).queryParam("limit", 2)
                .when().get("/api/v1/improvements").then().extract().path("next");
        List<String> rest = given().auth().oauth2(hr()).queryParam("area", area).queryParam("limit", 2)
                .queryParam("cursor", cursor).when().get("/api/v1/improvements").then().statusCode(200)
                .body("next", nullValue()).extract().path("items.id");
        assertEquals(1, rest.size());
        assertEquals(unestimated, rest.getFirst(), "unestimated items come after estimated ones");
        assertEquals(java.util.Set.of(cheap, costly), java.util.Set.copyOf(ids));
        given().auth().oauth2(hr()).queryParam("cursor", "garbage").when().get("/api/v1/improvements")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
