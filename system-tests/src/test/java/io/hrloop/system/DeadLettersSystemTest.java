package io.hrloop.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;

/**
 * Dead letters across the deployed services: an event request-service's outbox cannot publish is parked while
 * other aggregates flow, its aggregate's next event waits behind it, and the operator's replay delivers both
 * in order once the cause is gone; a poison event feedback-service cannot read is listed and discarded.
 */
class DeadLettersSystemTest {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Flow.ensureCatalogue(suite);
    }

    @Test
    void anUnpublishableEventIsParkedWhileOthersFlowAndTheReplayDeliversItInOrder() throws Exception {
        String person = "emp-parked-" + UUID.randomUUID();
        String admin = Tokens.of("admin-parking", null, "hr-admin");
        String operator = Tokens.of("ops-parking", null, "operator");
        try (Admin kafka = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers()));
                EventProbe people = EventProbe.at("hr.people")) {
            limit(kafka, "100"); // smaller than any hr.person.erased: the broker refuses it (RecordTooLargeException)
            given().baseUri(suite.request.baseUrl()).auth().oauth2(admin).delete("/api/v1/people/" + person)
                    .then().statusCode(200);
            given().baseUri(suite.request.baseUrl()).auth().oauth2(admin).delete("/api/v1/people/" + person)
                    .then().statusCode(200); // the same aggregate again: must wait behind the first
            String flowing = Flow.submit(suite, "emp-flowing-" + UUID.randomUUID(), "Flows while another aggregate is parked");
            assertEquals(Map.of(flowing, 1), Flow.awaitSnapshots(List.of(flowing), Duration.ofSeconds(60)),
                    "other aggregates' events flow");
            String id = awaitParked(operator, person);
            given().baseUri(suite.request.baseUrl()).auth().oauth2(operator).get("/api/v1/dead-letters/" + id)
                    .then().statusCode(200).body("direction", equalTo("OUTBOUND")).body("type", equalTo("hr.person.erased"))
                    .body("reason", containsString("RecordTooLarge"));
            assertEquals(0, people.drain(Duration.ofSeconds(2), e -> person.equals(e.path("subject").asText())).size());
            assertEquals(2, Flow.count("request", "select count(*) from outbox_event where event_key = '" + person + "'"));

            limit(kafka, null); // the cause removed
            given().baseUri(suite.request.baseUrl()).auth().oauth2(operator).post("/api/v1/dead-letters/" + id + "/replay")
                    .then().statusCode(200);
            List<JsonNode> delivered = people.await(2, Duration.ofSeconds(60), e -> person.equals(e.path("subject").asText()));
            delivered = people.drain(Duration.ofSeconds(2), e -> person.equals(e.path("subject").asText()));
            assertEquals(2, delivered.size(), "both delivered, once each");
            assertEquals(id, delivered.getFirst().path("id").asText(), "the parked one first: in order");
            System.out.printf("[hrloop-system] parked outbox event %s replayed: %d events delivered in order%n", id,
                    delivered.size());
        }
    }

    @Test
    void aPoisonEventIsListedForTheOperatorAndDiscardedWithItsReason() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String operator = Tokens.of("ops-poison", null, "operator");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("hr.requests", key, "{\"specversion\":\"1.0\",\"broken\":")).get();
        }
        String id = null;
        for (int i = 0; i < 120 && id == null; i++) {
            id = given().baseUri(suite.feedback.baseUrl()).auth().oauth2(operator).get("/api/v1/dead-letters?limit=200")
                    .then().statusCode(200).extract().path("items.find { it.key == '" + key + "' }.id");
            Flow.sleep(250);
        }
        given().baseUri(suite.feedback.baseUrl()).auth().oauth2(operator).contentType(ContentType.JSON)
                .body("{\"reason\":\"truncated by a broken producer; nothing to recover\"}")
                .delete("/api/v1/dead-letters/" + id).then().statusCode(200).body("status", equalTo("DISCARDED"))
                .body("resolvedBy", equalTo("ops-poison"));
        given().baseUri(suite.feedback.baseUrl()).auth().oauth2(Tokens.employee("emp-curious"))
                .get("/api/v1/dead-letters").then().statusCode(403);
    }

    private static String awaitParked(String operator, String person) {
        for (int i = 0; i < 240; i++) {
            String id = given().baseUri(suite.request.baseUrl()).auth().oauth2(operator)
                    .get("/api/v1/dead-letters?direction=OUTBOUND").then().statusCode(200)
                    .extract().path("items.find { it.key == '" + person + "' }.id");
            if (id != null) {
                return id;
            }
            Flow.sleep(250);
        }
        throw new AssertionError("the event of " + person + " was not parked");
    }

    private static void limit(Admin admin, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "hr.people");
        AlterConfigOp op = new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes == null ? "" : bytes),
                bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
    }
}
