package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.er;
import static io.hrloop.improvement.Fixtures.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Self-service: before submitting, a person sees the published lessons and best practices closest to what they
 * ask, those of the request type first, never a success story, unpublished knowledge or a confidential item's.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class SuggestionsTest {

    private static String item(String token, String area, boolean confidential, boolean implemented) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"title\":\"Correct payslips\",\"problem\":\"Payslips are wrong.\",\"area\":\"" + area
                        + "\",\"themes\":[\"outcome\"],\"confidential\":" + confidential + "}")
                .when().post("/api/v1/improvements").then().statusCode(201).extract().path("id");
        if (implemented) {
            for (String status : new String[] { "ACCEPTED", "IMPLEMENTED" }) {
                String etag = given().auth().oauth2(token).when().get("/api/v1/improvements/" + id).then()
                        .extract().header("ETag");
                given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                        .body("{\"status\":\"" + status + "\"}").when().post("/api/v1/improvements/" + id + "/status")
                        .then().statusCode(200);
            }
        }
        return id;
    }

    private static String lesson(String token, String itemId, String kind, String title) {
        return given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"" + kind + "\",\"title\":\"" + title + "\",\"body\":\"Every salary run is checked "
                        + "before release.\"}")
                .when().post("/api/v1/improvements/" + itemId + "/lessons").then().statusCode(201).extract().path("id");
    }

    @Test
    void theRequestTypesLessonsComeFirstAndOnlyPublishedNonConfidentialLessonsAndPracticesAreSuggested() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String type = area();
        String typeItem = item(hr(), type, false, true);
        String own = lesson(hr(), typeItem, "LESSON", "Salary corrections " + word);
        String story = lesson(hr(), typeItem, "SUCCESS_STORY", "Salary fixed " + word);
        String other = lesson(hr(), item(hr(), area(), false, true), "BEST_PRACTICE", "Check payslips " + word);
        String unpublished = lesson(hr(), item(hr(), type, false, false), "LESSON", "Salary draft " + word);
        String secret = lesson(er(), item(er(), type, true, true), "LESSON", "Salary grievance " + word);

        for (String token : new String[] { employee(), hr(), er() }) {
            given().auth().oauth2(token).queryParam("q", word).queryParam("type", type)
                    .when().get("/api/v1/knowledge/suggestions").then().statusCode(200)
                    .body("items.id[0]", equalTo(own)).body("items.id", hasItem(other))
                    .body("items.id", not(hasItem(story))).body("items.id", not(hasItem(unpublished)))
                    .body("items.id", not(hasItem(secret))).body("items.author", everyItem(nullValue()))
                    .body("next", nullValue());
        }
        given().auth().oauth2(employee()).queryParam("q", word).when().get("/api/v1/knowledge/suggestions")
                .then().statusCode(200).body("items.id", hasItems(own, other)).body("items.id", not(hasItem(secret)));
        given().auth().oauth2(employee()).queryParam("type", type).when().get("/api/v1/knowledge/suggestions")
                .then().statusCode(400).contentType("application/problem+json");
        given().when().get("/api/v1/knowledge/suggestions?q=" + word).then().statusCode(401);
    }
}
