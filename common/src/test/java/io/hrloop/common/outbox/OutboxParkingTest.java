package io.hrloop.common.outbox;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.support.Backbone;
import io.hrloop.common.support.ConsumingProfile;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Management;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.smallrye.common.annotation.Identifier;

/**
 * An event the broker will not take (larger than its topic allows) is parked, with its aggregate's later
 * events behind it, while every other aggregate's events flow; once the cause is removed, the operator's
 * replay delivers it once and in order.
 */
@QuarkusTest
@TestProfile(ConsumingProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class OutboxParkingTest {

    @Inject
    Outbox outbox;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    OutboxConfig config;
    @Inject
    MeterRegistry registry;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafkaConfig;

    @Test
    void anUnpublishableEventIsParkedWhileOtherAggregatesFlowAndIsDeliveredInOrderWhenReplayed() throws Exception {
        String parked = "park-" + UUID.randomUUID();
        List<String> others = List.of("flow-" + UUID.randomUUID(), "flow-" + UUID.randomUUID());
        OutboxRelay relay = new OutboxRelay(dataSource, config, kafkaConfig, registry);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers()));
                EventProbe probe = EventProbe.at("hr.people")) {
            topicLimit(admin, "1500");
            relay.launch();
            publish(new PersonErased(parked, "p-1", now(), "x".repeat(3000))); // over the topic's limit
            publish(new PersonErased(parked, "p-2", now(), "second"));
            others.forEach(other -> publish(new PersonErased(other, "p-1", now(), "admin")));

            List<JsonNode> flowed = probe.await(2, Duration.ofSeconds(30), e -> others.contains(e.path("subject").asText()));
            assertEquals(2, flowed.size(), "the other aggregates' events flow");
            Backbone.await(Duration.ofSeconds(30), "the large event parked", () -> Backbone.count(
                    "select count(*) from outbox_event where event_key = '" + parked + "' and parked_at is not null") == 1);
            assertEquals(0, probe.drain(Duration.ofSeconds(2), e -> parked.equals(e.path("subject").asText())).size(),
                    "the parked aggregate's later event waits behind it");
            Backbone.await(Duration.ofSeconds(10), "the parked gauge",
                    () -> Management.given().get("/q/metrics").asString().contains("hrloop_outbox_parked 1.0"));

            String id = RestAssured.given().auth().oauth2(operator()).get("/api/v1/dead-letters?direction=OUTBOUND")
                    .then().statusCode(200).extract().jsonPath()
                    .getString("items.find { it.key == '" + parked + "' }.id");
            RestAssured.given().auth().oauth2(operator()).get("/api/v1/dead-letters/" + id).then().statusCode(200)
                    .body("direction", equalTo("OUTBOUND")).body("status", equalTo("PARKED"))
                    .body("reason", containsString("RecordTooLarge")).body("attempts", equalTo(1))
                    .body("payload.data.pseudonym", equalTo("p-1"));

            topicLimit(admin, null); // the cause removed: the topic takes large events again
            RestAssured.given().auth().oauth2(operator()).post("/api/v1/dead-letters/" + id + "/replay")
                    .then().statusCode(200);
            List<JsonNode> delivered = probe.await(2, Duration.ofSeconds(30), e -> parked.equals(e.path("subject").asText()));
            delivered = probe.drain(Duration.ofSeconds(2), e -> parked.equals(e.path("subject").asText()));
            assertEquals(List.of("p-1", "p-2"), delivered.stream().map(e -> e.path("data").path("pseudonym").asText()).toList(),
                    "delivered once each, in order");
            assertEquals(0, Backbone.count("select count(*) from outbox_event where event_key = '" + parked + "'"));
        } finally {
            relay.halt();
        }
    }

    private void publish(PersonErased event) {
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(event));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    private static String operator() {
        return Tokens.of("ops-1", null, "operator");
    }

    private static void topicLimit(Admin admin, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "hr.people");
        ConfigEntry entry = new ConfigEntry("max.message.bytes", bytes == null ? "" : bytes);
        Collection<AlterConfigOp> ops = List.of(new AlterConfigOp(entry,
                bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET));
        admin.incrementalAlterConfigs(Map.of(topic, ops)).all().get();
    }
}
