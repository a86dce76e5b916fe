package io.hrloop.request.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OpenApiTest {

    static final Map<String, List<String>> CONTRACT = Map.ofEntries(
            Map.entry("/api/v1/request-types", List.of("get", "post")),
            Map.entry("/api/v1/request-types/{key}", List.of("get", "put")),
            Map.entry("/api/v1/calendars", List.of("get", "post")),
            Map.entry("/api/v1/calendars/{key}", List.of("get", "put")),
            Map.entry("/api/v1/calendars/{key}/revisions", List.of("get")),
            Map.entry("/api/v1/self-service/views", List.of("post")),
            Map.entry("/api/v1/self-service/views/{id}", List.of("get")),
            Map.entry("/api/v1/self-service/deflection", List.of("get")),
            Map.entry("/api/v1/requests", List.of("get", "post")),
            Map.entry("/api/v1/requests/{id}", List.of("get", "patch")),
            Map.entry("/api/v1/requests/{id}/assignment", List.of("post")),
            Map.entry("/api/v1/requests/{id}/status", List.of("post")),
            Map.entry("/api/v1/requests/{id}/decline", List.of("post", "get")),
            Map.entry("/api/v1/requests/{id}/decline/confirm", List.of("post")),
            Map.entry("/api/v1/requests/{id}/decline/appeal", List.of("post")),
            Map.entry("/api/v1/requests/{id}/comments", List.of("get", "post")),
            Map.entry("/api/v1/requests/{id}/history", List.of("get")),
            Map.entry("/api/v1/service-levels", List.of("get")),
            Map.entry("/api/v1/people/{personId}", List.of("delete")),
            Map.entry("/api/v1/staff", List.of("get")),
            Map.entry("/api/v1/staff/{personId}", List.of("get", "put")));

    JsonNode document() throws Exception {
        String json = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        return new ObjectMapper().readTree(json);
    }

    @Test
    void everyOperationOfTheContractIsThere() throws Exception {
        JsonNode paths = document().path("paths");
        CONTRACT.forEach((path, methods) -> methods.forEach(
                method -> assertFalse(paths.path(path).path(method).isMissingNode(), method + " " + path)));
    }

    @Test
    void everyOperationHasASummaryAndItsProblemResponses() throws Exception {
        JsonNode paths = document().path("paths");
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> p = paths.fields(); p.hasNext();) {
            Map.Entry<String, JsonNode> path = p.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> o = path.getValue().fields(); o.hasNext();) {
                Map.Entry<String, JsonNode> op = o.next();
                String name = op.getKey() + " " + path.getKey();
                JsonNode operation = op.getValue();
                if (operation.path("summary").asText().isBlank()) {
                    missing.add(name + ": summary");
                }
                JsonNode responses = operation.path("responses");
                if (responses.path("401").path("content").path("application/problem+json").isMissingNode()) {
                    missing.add(name + ": 401 problem");
                }
                boolean clientProblem = false;
                for (Iterator<String> codes = responses.fieldNames(); codes.hasNext();) {
                    String code = codes.next();
                    if (code.startsWith("4") && !code.equals("401")) {
                        clientProblem = true;
                        if (responses.path(code).path("content").path("application/problem+json").isMissingNode()) {
                            missing.add(name + ": " + code + " as problem+json");
                        }
                    }
                }
                if (!clientProblem) {
                    missing.add(name + ": its 4xx problems");
                }
                JsonNode body = operation.path("requestBody").path("content").path("application/json");
                if (!body.isMissingNode() && body.path("examples").isEmpty()) {
                    missing.add(name + ": request example");
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theCalendarBodyIsDocumentedWithAnExample() throws Exception {
        JsonNode example = document().path("paths").path("/api/v1/calendars").path("post").path("requestBody")
                .path("content").path("application/json").path("examples").path("office").path("value");
        JsonNode parsed = example.isTextual() ? new ObjectMapper().readTree(example.asText()) : example;
        assertEquals("Europe/Berlin", parsed.path("zone").asText());
        assertEquals("09:00", parsed.path("workingHours").path("MONDAY").path(0).path("start").asText());
        assertTrue(parsed.path("holidays").isArray());
    }
}
