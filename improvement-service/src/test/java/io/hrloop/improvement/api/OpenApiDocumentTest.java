package io.hrloop.improvement.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.openapi.ApiDocument;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The served API document is the committed api/improvement-service.yaml and breaks no client of it. After changing an
 * endpoint: {@code flock /tmp/hrloop-build.lock ./mvnw -B test -pl improvement-service -am -Dtest=OpenApiDocumentTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dhrloop.api.update=true}, then commit api/.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OpenApiDocumentTest {

    static String served() {
        return given().get("/q/openapi").then().statusCode(200).extract().asString();
    }

    @Test
    void theServedDocumentIsTheCommittedOneAndBreaksNoClient() {
        ApiDocument.verify("improvement-service", served());
    }

    @Test
    void noHostIsBakedIn() {
        JsonNode servers = ApiDocument.parse(served()).path("servers");
        assertEquals(1, servers.size(), servers.toString());
        assertEquals("/", servers.path(0).path("url").asText());
    }

    @Test
    void everyReplaceAndPatchDocumentsThe428OfAMissingIfMatch() {
        List<String> missing = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = ApiDocument.parse(served()).path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : List.of("put", "patch")) {
                JsonNode operation = path.getValue().path(method);
                if (!operation.isMissingNode()
                        && operation.path("responses").path("428").path("content").path("application/problem+json").isMissingNode()) {
                    missing.add(method + " " + path.getKey());
                }
            }
        }
        assertEquals(List.of(), missing);
    }
}
