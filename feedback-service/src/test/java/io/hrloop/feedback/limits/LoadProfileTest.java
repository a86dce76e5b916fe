package io.hrloop.feedback.limits;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** HRLOOP_LIMITS_PROFILE=load lifts the per-person limits, never the per-client limit on survey tokens. */
@QuarkusTest
@TestProfile(LowLimits.UnderLoad.class)
@WithTestResource(RealInfrastructureResource.class)
class LoadProfileTest {

    @Test
    void theLoadProfileLiftsThePerPersonLimitsOnly() {
        String person = "emp-" + UUID.randomUUID();
        for (int i = 0; i < LowLimits.WRITES * 3; i++) {
            AbuseLimitsTest.markRead(person).statusCode(404);
        }
        for (int i = 0; i < LowLimits.FEEDBACK * 3; i++) {
            AbuseLimitsTest.give(person, i % 2 == 0).statusCode(201);
        }
        String client = "192.0.2." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < LowLimits.SURVEY_LOOK_UPS; i++) {
            given().header("X-Forwarded-For", client).when().get("/api/v1/surveys/" + AbuseLimitsTest.guess()).then().statusCode(404);
        }
        AbuseLimitsTest.tooMany(given().header("X-Forwarded-For", client).when().get("/api/v1/surveys/" + AbuseLimitsTest.guess()).then());
    }
}
