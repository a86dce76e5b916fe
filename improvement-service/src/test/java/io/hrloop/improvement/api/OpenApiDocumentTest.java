package io.hrloop.improvement.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

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
        assertEquals(List.of("/"), ApiDocument.servers(ApiDocument.parse(served())));
    }

    @Test
    void everyReplaceAndPatchDocumentsThe428OfAMissingIfMatch() {
        assertEquals(List.of(), ApiDocument.replacesWithout428(ApiDocument.parse(served())));
    }
}
