package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Values a database or a double cannot hold are a 400 problem naming the field, never a 500, and change nothing. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class HostileInputTest {

    private static final String NUL = "\\u0000";
    private static final String HALF_A_CHARACTER = "\\ud800";

    private static void patchRefused(String id, String etag, String body, String field) {
        given().auth().oauth2(hr()).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().patch("/api/v1/improvements/" + id).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(field));
    }

    @Test
    void patchRefusesNumbersDatesAndTextsNobodyCouldStore() {
        String id = ImprovementApiTest.create(area(), "Faster answers", "");
        String etag = ImprovementApiTest.get(id).extract().header("ETag");
        for (String effort : List.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890", "2.345", "\"3\"",
                "[1]", "{\"a\":1}", "true")) {
            patchRefused(id, etag, "{\"effort\":" + effort + "}", "effort");
        }
        for (String date : List.of("\"+999999999-12-31\"", "\"99999-01-01\"", "\"0001-01-01\"", "\"2026-02-30\"",
                "20261231", "\"\"", "[]")) {
            patchRefused(id, etag, "{\"targetDate\":" + date + "}", "targetDate");
        }
        for (String field : List.of("title", "problem", "publicSummary")) {
            patchRefused(id, etag, "{\"" + field + "\":\"a" + NUL + "b\"}", field);
            patchRefused(id, etag, "{\"" + field + "\":\"a" + HALF_A_CHARACTER + "b\"}", field);
        }
        ImprovementApiTest.get(id).header("ETag", etag); // nothing changed
        assertEquals(etag, ImprovementApiTest.get(id).extract().header("ETag"));
    }

    @Test
    void bodiesOfOtherOperationsRefuseTheSame() {
        String area = area();
        String id = ImprovementApiTest.create(area, "Faster answers", "");
        List<String[]> refused = List.of(
                new String[] { "/api/v1/improvements", "{\"title\":\"t" + NUL + "\",\"problem\":\"p\",\"area\":\""
                        + area + "\",\"themes\":[\"speed\"]}" },
                new String[] { "/api/v1/improvements", "{\"title\":\"t\",\"problem\":\"p\",\"area\":\"" + area
                        + "\",\"themes\":[\"speed\"],\"targetDate\":\"+99999-01-01\"}" },
                new String[] { "/api/v1/improvements", "{\"title\":\"t\",\"problem\":\"p\",\"area\":\"" + area
                        + "\",\"themes\":[\"speed\"],\"effort\":1e400}" },
                new String[] { "/api/v1/improvements/" + id + "/comments", "{\"body\":\"x" + NUL + "\"}" },
                new String[] { "/api/v1/improvements/" + id + "/lessons", "{\"kind\":\"LESSON\",\"title\":\"t\",\"body\":\""
                        + HALF_A_CHARACTER + "\"}" },
                new String[] { "/api/v1/improvements/" + id + "/status", "{\"status\":\"REJECTED\",\"reason\":\"r" + NUL
                        + "\"}" },
                new String[] { "/api/v1/improvements/" + id + "/assignment", "{\"owner\":\"o" + NUL + "\"}" });
        for (String[] call : refused) {
            given().auth().oauth2(hr()).contentType(ContentType.JSON).body(call[1]).when().post(call[0]).then()
                    .statusCode(400).contentType("application/problem+json");
        }
        ImprovementApiTest.get(id).body("status", org.hamcrest.Matchers.equalTo("PROPOSED"))
                .body("owner", org.hamcrest.Matchers.nullValue());
        assertEquals(1, io.hrloop.improvement.Fixtures.items(area).size());
    }

    @Test
    void listFiltersAndCursorsOutsideWhatTheDatabaseHoldsAre400() {
        String id = ImprovementApiTest.create(area(), "Faster answers", "");
        String farCreated = cursor("c", "+99999-01-01T00:00:00Z", id);
        String farEvidence = cursor("+99999-01-01", "x");
        String[][] refused = {
                { "/api/v1/improvements", "area", "a\u0000b" },
                { "/api/v1/improvements", "area", "x".repeat(101) },
                { "/api/v1/improvements", "confidential", "maybe" },
                { "/api/v1/improvements?sort=created", "cursor", farCreated },
                { "/api/v1/improvements/" + id + "/evidence", "cursor", farEvidence },
                { "/api/v1/improvements/" + id + "/comments", "cursor", cursor("-99999-01-01T00:00:00Z", id) },
                { "/api/v1/knowledge", "q", "a\u0000b" },
                { "/api/v1/knowledge", "area", "a\u0000b" },
                { "/api/v1/knowledge/suggestions", "q", "" } };
        for (String[] call : refused) {
            given().auth().oauth2(hr()).queryParam(call[1], call[2]).when().get(call[0]).then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    private static String cursor(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }
}
