package io.hrloop.common.deadletter;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hrloop.common.inbox.EventHeaders;
import io.hrloop.common.support.Backbone;
import io.hrloop.common.support.ConsumingProfile;
import io.hrloop.common.support.ProbeHandler;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** What an operator does with events the service could not process: list, replay (applied once), discard. */
@QuarkusTest
@TestProfile(ConsumingProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class DeadLetterApiTest {

    @AfterEach
    void reset() {
        ProbeHandler.BUG.set(false);
    }

    private static RequestSpecification operator() {
        return RestAssured.given().auth().oauth2(Tokens.of("ops-1", null, "operator"));
    }

    @Test
    void aHandlerThatKeepsFailingWhileTheDatabaseIsHealthyParksTheEventUntilItIsReplayedOnce() {
        String person = "bug-" + UUID.randomUUID();
        ProbeHandler.BUG.set(true);
        String eventId;
        try (EventProbe dlq = EventProbe.at("hr.dlq.backbone-test")) {
            eventId = Backbone.sendErased(person);
            List<?> parked = dlq.await(1, Duration.ofSeconds(30), e -> eventId.equals(e.path("id").asText()));
            assertEquals(1, parked.size(), "dead-lettered after its attempts");
            ConsumerRecord<String, String> record = dlq.records().stream()
                    .filter(r -> r.value().contains(eventId)).findFirst().orElseThrow();
            assertTrue(EventProbe.header(record, EventHeaders.DLQ_REASON).startsWith("processing failed"));
        }
        JsonPath list = operator().get("/api/v1/dead-letters?direction=INBOUND&limit=200").then().statusCode(200)
                .extract().jsonPath();
        String id = list.getString("items.find { it.eventId == '" + eventId + "' }.id");
        operator().get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("status", equalTo("PARKED")).body("direction", equalTo("INBOUND"))
                .body("type", equalTo("hr.person.erased")).body("topic", equalTo("hr.people"))
                .body("reason", startsWith("processing failed"))
                .body("payload.data.personId", equalTo(person));
        assertEquals(0, Backbone.count("select count(*) from probe_effect where person_id = '" + person + "'"));

        // Still failing: the replay is refused and the event stays parked.
        operator().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("type", containsString("replay-failed"));
        operator().get("/api/v1/dead-letters/" + id).then().body("status", equalTo("PARKED"));

        // The defect is fixed: the replay applies it, once.
        ProbeHandler.BUG.set(false);
        operator().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(200)
                .body("status", equalTo("REPLAYED")).body("resolvedBy", equalTo("ops-1"));
        assertEquals(1, Backbone.count("select count(*) from probe_effect where person_id = '" + person + "'"));
        operator().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(409)
                .body("status", equalTo("REPLAYED"));
        assertEquals(1, Backbone.count("select count(*) from probe_effect where person_id = '" + person + "'"));
    }

    @Test
    void aPoisonMessageIsListedWithItsRawPayloadAndCanBeDiscardedWithAReason() {
        String key = "poison-" + UUID.randomUUID();
        Backbone.send(key, ("not a cloud event " + key).getBytes(StandardCharsets.UTF_8));
        Backbone.await(Duration.ofSeconds(30), "the poison parked",
                () -> Backbone.count("select count(*) from dead_letter where event_key = '" + key + "'") == 1);
        String id = operator().get("/api/v1/dead-letters?limit=200").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.key == '" + key + "' }.id");
        operator().get("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("reason", startsWith("not a CloudEvents"))
                .body("payloadBase64", equalTo(java.util.Base64.getEncoder().encodeToString(
                        ("not a cloud event " + key).getBytes(StandardCharsets.UTF_8))));
        operator().post("/api/v1/dead-letters/" + id + "/replay").then().statusCode(409);
        operator().contentType(ContentType.JSON).body("{}").delete("/api/v1/dead-letters/" + id).then().statusCode(400)
                .contentType("application/problem+json");
        operator().contentType(ContentType.JSON).body("{\"reason\":\"garbage from a misconfigured test producer\"}")
                .delete("/api/v1/dead-letters/" + id).then().statusCode(200)
                .body("status", equalTo("DISCARDED")).body("resolvedBy", equalTo("ops-1"))
                .body("resolution", equalTo("garbage from a misconfigured test producer"));
        operator().get("/api/v1/dead-letters?status=DISCARDED&limit=200").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.status", equalTo("DISCARDED"));
        operator().post("/api/v1/dead-letters/replay").then().statusCode(200);
    }

    @Test
    void onlyTheOperatorRoleReachesDeadLetters() {
        RestAssured.get("/api/v1/dead-letters").then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(Tokens.of("emp-1", null, "employee")).get("/api/v1/dead-letters")
                .then().statusCode(403).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(Tokens.of("hr-1", "payroll", "hr-admin")).get("/api/v1/dead-letters")
                .then().statusCode(403);
        operator().get("/api/v1/dead-letters/" + UUID.randomUUID()).then().statusCode(404);
        operator().get("/api/v1/dead-letters/not-an-id").then().statusCode(404);
    }
}
