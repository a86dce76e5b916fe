package io.hrloop.improvement.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.Management;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The API document the portal is generated from: the contract paths, problem responses, examples. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class OpenApiTest {

    @Test
    void theContractPathsAreDocumentedWithProblemResponses() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/v1/improvements"))
                .body("paths", hasKey("/api/v1/improvements/{id}/evidence"))
                .body("paths", hasKey("/api/v1/improvements/{id}/status"))
                .body("paths", hasKey("/api/v1/improvements/{id}/assignment"))
                .body("paths", hasKey("/api/v1/improvements/{id}/lessons"))
                .body("paths", hasKey("/api/v1/improvements/{id}/verification"))
                .body("paths", hasKey("/api/v1/improvements/{id}/comments"))
                .body("paths", hasKey("/api/v1/knowledge"))
                .body("paths", hasKey("/api/v1/knowledge/suggestions"))
                .body("paths", hasKey("/api/v1/improvements/{id}/history"))
                .body("paths", hasKey("/api/v1/processes/{key}/mapping"))
                .body("paths.'/api/v1/processes/{key}'.put.responses.'412'.content", hasKey("application/problem+json"))
                .body("paths.'/api/v1/improvements/{id}/status'.post.responses.'409'.content",
                        hasKey("application/problem+json"))
                .body("paths.'/api/v1/improvements/{id}'.patch.summary", notNullValue())
                .body("paths.'/api/v1/improvements/{id}/status'.post.requestBody.content.'application/json'.examples",
                        hasKey("merge"))
                .body("paths.'/api/v1/improvements/{id}/status'.post.requestBody.content.'application/json'.examples",
                        hasKey("override"))
                .body("info.title", equalTo("HR Loop improvement-service"));
    }

    @Test
    void healthIsUpWithoutAToken() {
        Management.given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
