package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.evidence;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.manager;
import static io.hrloop.improvement.Fixtures.service;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What people wrote reaches only HR: callers outside HR (employee, manager, and internal systems with the service
 * role) read only the text HR wrote for everyone: title, public summary, implementation summary, lessons.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class FreeTextAccessTest {

    private static String marker() {
        return "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String everything(String token, String id) {
        return given().auth().oauth2(token).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .extract().asString()
                + given().auth().oauth2(token).when().get("/api/v1/improvements/" + id + "/evidence").then()
                        .statusCode(200).extract().asString()
                + given().auth().oauth2(token).when().get("/api/v1/improvements/" + id + "/verification").then()
                        .statusCode(200).extract().asString()
                + given().auth().oauth2(token).queryParam("status", "IMPLEMENTED").queryParam("limit", 100)
                        .when().get("/api/v1/improvements").then().statusCode(200).extract().asString();
    }

    @Test
    void anAutomaticItemQuotesNoCommentAndOutsideHrNobodyReadsWhatPeopleWrote() {
        String area = area();
        String marker = marker();
        feedback(area).csat(1).themes("speed").comment("It took three weeks and " + marker + " never called back.")
                .send();
        Map<String, Object> item = awaitItems(area, l -> l.size() == 1).getFirst();
        String id = (String) item.get("id");
        assertEquals("Answers take too long (" + area + ")", item.get("title"));
        assertFalse(((String) item.get("problem")).contains(marker), "the problem quotes nobody: " + item);
        assertFalse(((String) item.get("problem")).contains("First report"));
        assertEquals("Raised automatically from customer feedback about " + area + ".", item.get("publicSummary"));
        assertTrue(((String) evidence(id, hr()).getFirst().get("excerpt")).contains(marker), "HR reads the comment");

        ImprovementApiTest.move(id, "{\"status\":\"ACCEPTED\"}", 200);
        ImprovementApiTest.move(id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Call-backs within a day\"}", 200);
        for (String token : List.of(employee(), manager(), service())) {
            String seen = everything(token, id);
            assertFalse(seen.contains(marker), "a caller outside HR read the comment: " + seen);
            given().auth().oauth2(token).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                    .body("problem", nullValue()).body("createdBy", nullValue())
                    .body("title", equalTo("Answers take too long (" + area + ")"))
                    .body("publicSummary", equalTo("Raised automatically from customer feedback about " + area + "."))
                    .body("implementationSummary", equalTo("Call-backs within a day"));
            Map<String, Object> e = evidence(id, token).getFirst();
            assertNull(e.get("excerpt"));
            assertNull(e.get("personId"));
            assertNull(e.get("reference"));
        }
    }

    @Test
    void hrWritesThePublicSummaryThatEveryoneReads() {
        String area = area();
        String id = ImprovementApiTest.create(area, "Faster answers", "");
        String etag = ImprovementApiTest.get(id).extract().header("ETag");
        given().auth().oauth2(hr()).contentType(ContentType.JSON).header("If-Match", etag)
                .body("{\"publicSummary\":\"We answer payroll questions within a day.\"}")
                .when().patch("/api/v1/improvements/" + id).then().statusCode(200)
                .body("publicSummary", equalTo("We answer payroll questions within a day."));
        ImprovementApiTest.move(id, "{\"status\":\"ACCEPTED\"}", 200);
        ImprovementApiTest.move(id, "{\"status\":\"IMPLEMENTED\"}", 200);
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .body("publicSummary", equalTo("We answer payroll questions within a day."))
                .body("problem", nullValue()).body("reason", nullValue());
        ImprovementApiTest.get(id).body("problem", equalTo("Customers wait."));
        // null clears it
        String current = ImprovementApiTest.get(id).extract().header("ETag");
        given().auth().oauth2(hr()).contentType(ContentType.JSON).header("If-Match", current)
                .body("{\"publicSummary\":null}").when().patch("/api/v1/improvements/" + id).then().statusCode(200)
                .body("publicSummary", nullValue());
        given().auth().oauth2(employee()).contentType(ContentType.JSON).body("{\"publicSummary\":\"x\"}")
                .when().patch("/api/v1/improvements/" + id).then().statusCode(403);
    }

    @Test
    void internalSystemsSeeTheWholeBacklogButOnlyTheTextWrittenForEveryone() {
        String area = area();
        String id = ImprovementApiTest.create(area, "Faster answers", "");
        given().auth().oauth2(service()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .body("status", equalTo("PROPOSED")).body("title", equalTo("Faster answers"))
                .body("problem", nullValue());
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + id).then().statusCode(404);
        given().auth().oauth2(service()).when().get("/api/v1/improvements/" + id + "/comments").then().statusCode(403);
        given().auth().oauth2(service()).contentType(ContentType.JSON).body("{\"status\":\"ACCEPTED\"}")
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(403);
    }
}
