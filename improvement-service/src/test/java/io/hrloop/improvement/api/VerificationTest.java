package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
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

/** Before and after: the area's feedback as this service projected it; VERIFIED only with enough of it. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class VerificationTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneOffset.UTC);

    private static void awaitProjected(String area, long count) {
        Fixtures.await(() -> QuarkusTransaction.requiringNew().call(() -> AreaFeedback.count("area", area)),
                n -> n == count);
    }

    @Test
    void anImplementedItemReportsCsatAndNpsBeforeAndSinceAndIsVerifiedOnceThereIsEnoughData() {
        String area = area();
        LocalDate before = TODAY.minusDays(10);
        feedback(area).csat(1).nps(2).themes("speed").comment("Far too slow").on(before).send();
        feedback(area).csat(2).nps(5).themes("speed").comment("Slow again").on(before).send();
        feedback(area).csat(5).nps(9).sentiment(0.6).on(before).send();
        feedback(area).csat(4).on(TODAY.minusDays(120)).send(); // outside the 90-day window
        awaitProjected(area, 4);
        String id = (String) awaitItems(area, l -> Fixtures.totalEvidence(l) == 2).getFirst().get("id");

        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(409).contentType("application/problem+json");
        ImprovementApiTest.move(id, "{\"status\":\"ACCEPTED\"}", 200);
        ImprovementApiTest.move(id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Daily triage\"}", 200);

        for (int i = 0; i < 4; i++) {
            feedback(area).csat(i == 0 ? 3 : 5).nps(10).sentiment(0.5).send();
        }
        awaitProjected(area, 8);
        given().auth().oauth2(hr()).contentType("application/json").body("{\"status\":\"VERIFIED\"}")
                .when().post("/api/v1/improvements/" + id + "/status")
                .then().statusCode(409).contentType("application/problem+json")
                .body("csatResponsesSince", equalTo(4)).body("minResponses", equalTo(5));

        feedback(area).csat(4).nps(8).sentiment(0.2).send();
        awaitProjected(area, 9);
        // everyone may read how an implemented item did
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(200)
                .body("beforeFrom", equalTo(TODAY.minusDays(90).toString()))
                .body("sinceFrom", equalTo(TODAY.toString()))
                .body("before.responses", equalTo(3)).body("before.csatResponses", equalTo(3))
                .body("before.csatPercent", equalTo(33.3f)).body("before.averageCsat", equalTo(2.67f))
                .body("before.nps", equalTo(-33.3f))
                .body("since.responses", equalTo(5)).body("since.csatPercent", equalTo(80.0f))
                .body("since.averageCsat", equalTo(4.4f)).body("since.nps", equalTo(80.0f))
                .body("csatPercentChange", equalTo(46.7f)).body("npsChange", equalTo(113.3f))
                .body("sufficient", equalTo(true)).body("verdict", equalTo("IMPROVED"));

        ImprovementApiTest.move(id, "{\"status\":\"VERIFIED\"}", 200);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verifiedAt", notNullValue());
    }

    @Test
    void withoutFeedbackBeforeThereIsNoBaseline() {
        String area = area();
        String id = ImprovementApiTest.create(area, "Faster answers", "");
        ImprovementApiTest.move(id, "{\"status\":\"ACCEPTED\"}", 200);
        ImprovementApiTest.move(id, "{\"status\":\"IMPLEMENTED\"}", 200);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(200).body("before.responses", equalTo(0)).body("before.csatPercent", nullValue())
                .body("since.responses", equalTo(0)).body("verdict", equalTo("INSUFFICIENT_DATA"))
                .body("sufficient", equalTo(false));
        for (int i = 0; i < 5; i++) {
            feedback(area).csat(4).sentiment(0.3).send();
        }
        awaitProjected(area, 5);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(200).body("verdict", equalTo("NO_BASELINE")).body("csatPercentChange", nullValue());
    }
}
