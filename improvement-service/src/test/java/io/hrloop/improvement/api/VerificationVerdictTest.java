package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.lead;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.AreaFeedback;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/**
 * The verdict of verification (two-proportion z-test on the share of CSAT 4–5) decides whether an item may be
 * VERIFIED; an IMPLEMENTED item that did not work goes back to IN_PROGRESS with a reason.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class VerificationVerdictTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    /** Moves the item with the If-Match of its current ETag, as a client that read it first does. */
    static ValidatableResponse move(String token, String id, String body, int expected) {
        String etag = given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .extract().header("ETag");
        return given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag).body(body)
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(expected);
    }

    static ValidatableResponse verify(String token, String id, String extra, int expected) {
        return move(token, id, "{\"status\":\"VERIFIED\"" + extra + "}", expected);
    }

    /** An implemented item of a new area with {@code satisfiedBefore} of {@code before} answers of CSAT 4–5 in the
     * window before, and {@code satisfiedSince} of {@code since} since. */
    private static String implementedWith(int satisfiedBefore, int before, int satisfiedSince, int since) {
        String area = area();
        String id = ImprovementApiTest.create(area, "Faster answers", "");
        for (int i = 0; i < before; i++) {
            feedback(area).csat(i < satisfiedBefore ? 5 : 3).sentiment(0.1).on(TODAY.minusDays(3)).send();
        }
        move(hr(), id, "{\"status\":\"ACCEPTED\"}", 200);
        move(hr(), id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Daily triage\"}", 200);
        for (int i = 0; i < since; i++) {
            feedback(area).csat(i < satisfiedSince ? 4 : 3).sentiment(0.1).send();
        }
        Fixtures.await(() -> QuarkusTransaction.requiringNew().call(() -> AreaFeedback.count("area", area)),
                n -> n == before + since);
        return id;
    }

    @Test
    void aClearRiseIsBetterAndVerifiesWithoutAnOverride() {
        // 2 of 10 → 9 of 10: pooled 0.55, z = 3.146, p = 0.0017
        String id = implementedWith(2, 10, 9, 10);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification").then().statusCode(200)
                .body("test.answersBefore", equalTo(10)).body("test.satisfiedBefore", equalTo(2))
                .body("test.answersAfter", equalTo(10)).body("test.satisfiedAfter", equalTo(9))
                .body("test.shareBefore", equalTo(0.2f)).body("test.shareAfter", equalTo(0.9f))
                .body("test.z", both(greaterThan(3.14f)).and(lessThan(3.15f)))
                .body("test.pValue", both(greaterThan(0.0015f)).and(lessThan(0.0018f)))
                .body("test.outcome", equalTo("BETTER")).body("verdict", equalTo("BETTER"));
        verify(hr(), id, "", 200).body("status", equalTo("VERIFIED"));
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/history").then().statusCode(200)
                .body("[2].to", equalTo("VERIFIED")).body("[2].override", equalTo(false))
                .body("[2].verdict", equalTo("BETTER"));
    }

    @Test
    void aClearDropIsWorseAndIsRefusedUnlessALeadOverrides() {
        String id = implementedWith(9, 10, 2, 10);
        verify(hr(), id, "", 422).contentType("application/problem+json").body("verdict", equalTo("WORSE"))
                .body("csatResponsesBefore", equalTo(10)).body("csatResponsesSince", equalTo(10));
        verify(lead(), id, ",\"override\":true,\"reason\":\"The drop is the year-end peak, not the change\"", 200);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/history").then().statusCode(200)
                .body("[2].override", equalTo(true)).body("[2].verdict", equalTo("WORSE"))
                .body("[2].actor", equalTo("hr-lead-1"));
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then()
                .body("reason", equalTo("The drop is the year-end peak, not the change"));
    }

    @Test
    void anImplementedItemThatDidNotWorkGoesBackToInProgressWithAReason() {
        String id = implementedWith(0, 0, 0, 0);
        move(hr(), id, "{\"status\":\"IN_PROGRESS\"}", 400).body("detail", equalTo("going back from IMPLEMENTED "
                + "states why it did not work"));
        move(hr(), id, "{\"status\":\"IN_PROGRESS\",\"reason\":\"Queries still wait for days\"}", 200)
                .body("status", equalTo("IN_PROGRESS")).body("implementedAt", nullValue());
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification").then().statusCode(409);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/history").then().statusCode(200)
                .body("to", contains("ACCEPTED", "IMPLEMENTED", "IN_PROGRESS"))
                .body("[2].from", equalTo("IMPLEMENTED")).body("[2].reason", equalTo("Queries still wait for days"));
        // and from there on as before
        move(hr(), id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Second attempt\"}", 200);
        move(hr(), id, "{\"status\":\"ACCEPTED\"}", 409);
    }

    @Test
    void theHistoryIsHrs() {
        String id = ImprovementApiTest.create(area(), "Faster answers", "");
        given().auth().oauth2(Fixtures.employee()).when().get("/api/v1/improvements/" + id + "/history").then()
                .statusCode(403);
    }

    @Test
    void theLeadsOfAConfidentialItemAreTheErSpecialists() {
        String id = given().auth().oauth2(Fixtures.er()).contentType(ContentType.JSON)
                .body("{\"title\":\"Mediation\",\"problem\":\"Cases wait.\",\"area\":\"" + area()
                        + "\",\"themes\":[\"respect\"],\"confidential\":true}")
                .when().post("/api/v1/improvements").then().statusCode(201).extract().path("id");
        for (String status : new String[] { "ACCEPTED", "IMPLEMENTED" }) {
            String etag = given().auth().oauth2(Fixtures.er()).when().get("/api/v1/improvements/" + id).then()
                    .extract().header("ETag");
            given().auth().oauth2(Fixtures.er()).contentType(ContentType.JSON).header("If-Match", etag)
                    .body("{\"status\":\"" + status + "\"}").when().post("/api/v1/improvements/" + id + "/status")
                    .then().statusCode(200);
        }
        given().auth().oauth2(Fixtures.er()).contentType(ContentType.JSON)
                .body("{\"status\":\"VERIFIED\",\"override\":true,\"reason\":\"Confirmed case by case\"}")
                .when().post("/api/v1/improvements/" + id + "/status").then().statusCode(200)
                .body("status", equalTo("VERIFIED"));
        given().auth().oauth2(lead()).when().get("/api/v1/improvements/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(Fixtures.er()).when().get("/api/v1/improvements/" + id + "/history").then()
                .statusCode(200).body("[2].override", equalTo(true)).body("[2].verdict", equalTo("INSUFFICIENT_DATA"));
    }
}
