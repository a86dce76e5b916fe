package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The published API document: the contract paths, a summary on every operation, problem+json for every error. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OpenApiTest {

    @Test
    void documentsEveryOperationWithProblemResponses() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(given().when().get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        JsonNode paths = doc.path("paths");
        for (String path : List.of("/api/v1/surveys", "/api/v1/surveys/{token}", "/api/v1/surveys/{token}/response",
                "/api/v1/feedback", "/api/v1/feedback/{id}", "/api/v1/insights", "/api/v1/follow-ups",
                "/api/v1/follow-ups/{id}/claim", "/api/v1/follow-ups/{id}/close", "/api/v1/notifications",
                "/api/v1/you-said-we-did")) {
            assertTrue(paths.has(path), "documented: " + path);
        }
        List<String> gaps = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String name = op.getKey().toUpperCase() + " " + path.getKey();
            if (op.getValue().path("summary").asText().isBlank()) {
                gaps.add(name + " has no summary");
            }
            op.getValue().path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45]..") && !response.getValue().path("content").has("application/problem+json")) {
                    gaps.add(name + " " + response.getKey() + " is not problem+json");
                }
            });
        }));
        assertEquals(List.of(), gaps);
        for (String path : List.of("/api/v1/surveys/{token}", "/api/v1/surveys/{token}/response")) {
            paths.path(path).fields().forEachRemaining(op -> op.getValue().path("security")
                    .forEach(requirement -> assertEquals(0, requirement.size(), "a survey token needs no login: " + path)));
        }
        assertTrue(paths.path("/api/v1/insights").path("get").path("security").size() > 0);
    }
}
