package io.hrloop.feedback.limits;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.common.limits.RateLimits;
import io.hrloop.feedback.support.Db;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.arc.Arc;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** The abuse limits answer 429 problem+json with Retry-After, and the feedback counter keeps nothing linkable. */
@QuarkusTest
@TestProfile(LowLimits.class)
@WithTestResource(RealInfrastructureResource.class)
class AbuseLimitsTest {

    @Test
    void writesPerPersonAreLimited() {
        String person = "emp-" + UUID.randomUUID();
        for (int i = 0; i < LowLimits.WRITES; i++) {
            markRead(person).statusCode(404); // a write that changes nothing still counts
        }
        tooMany(markRead(person));
        given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/notifications").then().statusCode(200);
        markRead("emp-" + UUID.randomUUID()).statusCode(404);
    }

    @Test
    void feedbackPerPersonIsLimitedSignedAndAnonymousTogether() {
        String person = "emp-" + UUID.randomUUID();
        for (int i = 0; i < LowLimits.FEEDBACK; i++) {
            give(person, i % 2 == 0).statusCode(201);
        }
        tooMany(give(person, true));
        tooMany(give(person, false));
        give("emp-" + UUID.randomUUID(), true).statusCode(201);
    }

    @Test
    void theFeedbackCounterStoresNothingThatLinksAPersonToTheirAnonymousFeedback() throws Exception {
        String person = "emp-marker-" + UUID.randomUUID();
        String id = give(person, true).statusCode(201).extract().path("id");
        Map<String, Integer> held = Arc.container().instance(RateLimits.class).get().feedbackCounter().snapshot();
        String plainHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(person.getBytes(StandardCharsets.UTF_8)));
        for (Map.Entry<String, Integer> entry : held.entrySet()) {
            assertFalse(entry.getKey().contains(person), "no person id");
            assertFalse(entry.getKey().equals(plainHash), "not a plain hash anyone could recompute");
            assertFalse(entry.getKey().contains(id), "no feedback id");
            assertTrue(entry.getValue() >= 1 && entry.getValue() <= LowLimits.FEEDBACK + 1, "a count, no time");
        }
        assertEquals(List.of(), io.hrloop.feedback.api.Anonymity.columnsMentioning(person), "nothing stored names them");
        assertEquals(0L, ((Number) Db.single("select count(*) from information_schema.tables where table_schema = 'public' "
                + "and table_name like '%limit%'")).longValue(), "the counter has no table");
    }

    @Test
    void surveyTokenLookUpsAreLimitedPerClient() {
        String client = "198.51.100." + (1 + (int) (Math.random() * 200));
        for (int i = 0; i < LowLimits.SURVEY_LOOK_UPS - 1; i++) {
            given().header("X-Forwarded-For", client).when().get("/api/v1/surveys/" + guess()).then().statusCode(404);
        }
        given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body("{\"csat\":5}")
                .when().post("/api/v1/surveys/" + guess() + "/response").then().statusCode(404);
        tooMany(given().header("X-Forwarded-For", client).when().get("/api/v1/surveys/" + guess()).then());
        tooMany(given().header("X-Forwarded-For", client).contentType(ContentType.JSON).body("{\"csat\":5}")
                .when().post("/api/v1/surveys/" + guess() + "/response").then());
        given().header("X-Forwarded-For", "203.0.113.9, " + client + "-other").when().get("/api/v1/surveys/" + guess())
                .then().statusCode(404);
    }

    static ValidatableResponse markRead(String person) {
        return given().auth().oauth2(Tokens.employee(person)).when().post("/api/v1/notifications/" + UUID.randomUUID() + "/read").then();
    }

    static ValidatableResponse give(String person, boolean anonymous) {
        return given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"GENERAL\",\"csat\":4,\"anonymous\":" + anonymous + "}")
                .when().post("/api/v1/feedback").then();
    }

    static String guess() {
        return UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "");
    }

    static void tooMany(ValidatableResponse response) {
        String retryAfter = response.statusCode(429).contentType("application/problem+json")
                .body("status", equalTo(429)).body("type", equalTo("https://hrloop.dev/problems/too-many-requests"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) >= 1, "Retry-After in seconds: " + retryAfter);
    }
}
