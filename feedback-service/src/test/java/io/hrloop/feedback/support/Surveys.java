package io.hrloop.feedback.support;

import static io.restassured.RestAssured.given;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.testsupport.Tokens;

/** The requester's side of a survey, through the API. */
public final class Surveys {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Surveys() {
    }

    /** Waits for the person's newest pending invitation to appear in GET /api/v1/surveys. */
    public static JsonNode awaitInvitation(String person) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            String body = given().auth().oauth2(Tokens.employee(person)).when().get("/api/v1/surveys")
                    .then().statusCode(200).extract().asString();
            try {
                JsonNode items = MAPPER.readTree(body).path("items");
                if (!items.isEmpty()) {
                    return items.get(0);
                }
                Thread.sleep(100);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no invitation for " + person);
    }

    /** A fresh person's request of {@code type} in {@code team} is resolved and its survey answered with {@code json}. */
    public static String respond(String type, String team, String json) {
        String person = "emp-" + java.util.UUID.randomUUID();
        RequestEvents.resolved(RequestEvents.Request.of(type, team, person), 1.0);
        return answer(awaitInvitation(person).path("token").asText(), json);
    }

    /** Answers the survey behind {@code token} and returns the feedback id. */
    public static String answer(String token, String json) {
        return given().contentType("application/json").body(json).when().post("/api/v1/surveys/" + token + "/response")
                .then().statusCode(201).extract().path("feedbackId");
    }
}
