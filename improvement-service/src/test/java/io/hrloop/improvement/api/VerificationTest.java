package io.hrloop.improvement.api;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.lead;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
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

/** Before and after: the area's feedback as this service projected it; VERIFIED only with a verdict BETTER, or a lead's override. */
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
        // before: CSAT 1, 2, 5, 4, 2 (40% satisfied, average 2.8); NPS 2, 5, 9, 6, 10 (2 promoters, 3 detractors)
        feedback(area).csat(1).nps(2).themes("speed").on(before).send();
        feedback(area).csat(2).nps(5).themes("speed").on(before).send();
        feedback(area).csat(5).nps(9).sentiment(0.6).on(before).send();
        feedback(area).csat(4).nps(6).themes("speed").on(before).send();
        feedback(area).csat(2).nps(10).themes("speed").on(before).send();
        feedback(area).csat(4).on(TODAY.minusDays(120)).send(); // outside the 90-day window
        awaitProjected(area, 6);
        String id = (String) awaitItems(area, l -> Fixtures.totalEvidence(l) == 4).getFirst().get("id");

        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(409).contentType("application/problem+json");
        ImprovementApiTest.move(id, "{\"status\":\"ACCEPTED\"}", 200);
        ImprovementApiTest.move(id, "{\"status\":\"IMPLEMENTED\",\"summary\":\"Daily triage\"}", 200);

        for (int i = 0; i < 4; i++) {
            feedback(area).csat(i == 0 ? 3 : 5).nps(10).sentiment(0.5).send();
        }
        awaitProjected(area, 10);
        given().auth().oauth2(hr()).contentType("application/json").body("{\"status\":\"VERIFIED\"}")
                .when().post("/api/v1/improvements/" + id + "/status")
                .then().statusCode(422).contentType("application/problem+json")
                .body("verdict", equalTo("INSUFFICIENT_DATA"))
                .body("csatResponsesSince", equalTo(4)).body("minAnswersAfter", equalTo(5));

        feedback(area).csat(4).nps(8).sentiment(0.2).send();
        awaitProjected(area, 11);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(200)
                .body("beforeFrom", equalTo(TODAY.minusDays(90).toString()))
                .body("sinceFrom", equalTo(TODAY.toString()))
                .body("before.responses", equalTo(5)).body("before.csatResponses", equalTo(5))
                .body("before.csatPercent", equalTo(40.0f)).body("before.averageCsat", equalTo(2.8f))
                .body("before.nps", equalTo(-20.0f)).body("before.suppressed", equalTo(false))
                .body("since.responses", equalTo(5)).body("since.csatPercent", equalTo(80.0f))
                .body("since.averageCsat", equalTo(4.4f)).body("since.nps", equalTo(80.0f))
                .body("csatPercentChange", equalTo(40.0f)).body("npsChange", equalTo(100.0f))
                .body("suppressed", equalTo(false))
                .body("sufficient", equalTo(true)).body("baseline", equalTo(true))
                // 2 of 5 → 4 of 5: z = 1.291, p = 0.197: within chance at 0.95
                .body("test.shareBefore", equalTo(0.4f)).body("test.shareAfter", equalTo(0.8f))
                .body("test.answersBefore", equalTo(5)).body("test.answersAfter", equalTo(5))
                .body("test.z", equalTo(1.291f)).body("test.pValue", both(greaterThan(0.1966f)).and(lessThan(0.1968f)))
                .body("confidence", equalTo(0.95f)).body("verdict", equalTo("INCONCLUSIVE"));
        // everyone may read how an implemented item did: the verdict, no figure about the group
        given().auth().oauth2(employee()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(200).body("verdict", equalTo("INCONCLUSIVE")).body("sufficient", equalTo(true))
                .body("before", nullValue()).body("since", nullValue()).body("csatPercentChange", nullValue())
                .body("npsChange", nullValue()).body("test", nullValue());

        // an inconclusive verdict does not verify; only a lead overrides it, with a reason, and it is audited
        VerificationVerdictTest.verify(hr(), id, "", 422).body("verdict", equalTo("INCONCLUSIVE"));
        VerificationVerdictTest.verify(hr(), id, ",\"override\":true,\"reason\":\"We know it works\"", 403);
        VerificationVerdictTest.verify(lead(), id, ",\"override\":true", 400);
        VerificationVerdictTest.verify(lead(), id, ",\"override\":true,\"reason\":\"Confirmed by the payroll audit\"",
                200);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id).then().statusCode(200)
                .body("status", equalTo("VERIFIED")).body("verifiedAt", notNullValue());
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/history").then().statusCode(200)
                .body("to", contains("ACCEPTED", "IMPLEMENTED", "VERIFIED"))
                .body("[2].actor", equalTo("hr-lead-1")).body("[2].override", equalTo(true))
                .body("[2].verdict", equalTo("INCONCLUSIVE"))
                .body("[2].reason", equalTo("Confirmed by the payroll audit"))
                .body("[1].override", equalTo(false)).body("[1].actor", equalTo("hr-agent-1"));
    }

    @Test
    void figuresOfASmallGroupAreSuppressedAndGiveNoVerdict() {
        String area = area();
        // two answers before: 1 and 5, which a figure or a verdict would give away
        feedback(area).csat(1).nps(0).themes("speed").on(TODAY.minusDays(5)).send();
        feedback(area).csat(5).nps(10).sentiment(0.5).on(TODAY.minusDays(5)).send();
        awaitProjected(area, 2);
        String id = (String) awaitItems(area, l -> l.size() == 1).getFirst().get("id");
        ImprovementApiTest.move(id, "{\"status\":\"ACCEPTED\"}", 200);
        ImprovementApiTest.move(id, "{\"status\":\"IMPLEMENTED\"}", 200);
        for (int i = 0; i < 5; i++) {
            feedback(area).csat(5).nps(i < 3 ? 10 : null).sentiment(0.5).send();
        }
        awaitProjected(area, 7);
        given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/verification")
                .then().statusCode(200)
                .body("before.csatResponses", equalTo(2)).body("before.csatPercent", nullValue())
                .body("before.averageCsat", nullValue()).body("before.nps", nullValue())
                .body("before.suppressed", equalTo(true))
                .body("since.csatResponses", equalTo(5)).body("since.csatPercent", equalTo(100.0f))
                .body("since.npsResponses", equalTo(3)).body("since.nps", nullValue())
                .body("since.suppressed", equalTo(true)).body("suppressed", equalTo(true))
                .body("csatPercentChange", nullValue()).body("averageCsatChange", nullValue())
                .body("npsChange", nullValue()).body("verdict", equalTo("NO_BASELINE")).body("test", nullValue());
        VerificationVerdictTest.verify(hr(), id, "", 422).body("verdict", equalTo("NO_BASELINE"))
                .body("csatResponsesBefore", equalTo(2)).body("minAnswersBefore", equalTo(5));
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
