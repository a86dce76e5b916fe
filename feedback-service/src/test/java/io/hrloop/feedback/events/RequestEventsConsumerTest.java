package io.hrloop.feedback.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.inbox.EventHeaders;
import io.hrloop.feedback.domain.RequestSnapshot;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Topics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The inbox and dead-letter behaviour of the common consumer, seen through feedback-service's projection. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RequestEventsConsumerTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connect() {
        Topics.ensure("hr.requests", "hr.dlq.feedback-service");
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers(),
                "acks", "all"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void sharedExampleIsConsumedAndARedeliveryChangesNothing() throws Exception {
        UUID requestId = UUID.randomUUID();
        ObjectNode event = example("hr.request.submitted", requestId);
        send(requestId, event.toString());
        send(requestId, event.toString()); // the same event id again, as after a relay retry

        RequestSnapshot snapshot = awaitSnapshot(requestId, s -> true);
        assertEquals("HR-000123", snapshot.reference);
        assertEquals("payroll-query", snapshot.requestType);
        // let the redelivery arrive, then check it was not applied twice
        ObjectNode marker = example("hr.request.assigned", requestId);
        send(requestId, marker.toString());
        RequestSnapshot after = awaitSnapshot(requestId, s -> "ASSIGNED".equals(s.status));
        assertEquals(2, after.eventsApplied);
    }

    @Test
    void aBatchOfNewRequestsWithSeveralEventsEachEndsInTheirLatestState() throws Exception {
        // Sent without waiting, so that the consumer reads them in few polls: a batch must fold a new request's second
        // event into the snapshot its first one created in the same transaction.
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            UUID requestId = UUID.randomUUID();
            ids.add(requestId);
            ObjectNode submitted = example("hr.request.submitted", requestId);
            ObjectNode assigned = example("hr.request.assigned", requestId);
            assigned.put("time", Instant.parse(submitted.get("time").asText()).plusMillis(1).toString());
            producer.send(new ProducerRecord<>("hr.requests", requestId.toString(), submitted.toString()));
            producer.send(new ProducerRecord<>("hr.requests", requestId.toString(), assigned.toString()));
        }
        producer.flush();
        for (UUID id : ids) {
            RequestSnapshot snapshot = awaitSnapshot(id, s -> s.eventsApplied == 2);
            assertEquals("ASSIGNED", snapshot.status);
        }
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheNextGoodOneIsProcessed() throws Exception {
        UUID requestId = UUID.randomUUID();
        ObjectNode violating = example("hr.request.submitted", requestId);
        ((ObjectNode) violating.get("data")).put("priority", "WHENEVER");
        ObjectNode unknownType = example("hr.request.submitted", requestId);
        unknownType.put("type", "hr.request.teleported");
        try (EventProbe dlq = EventProbe.at("hr.dlq.feedback-service")) {
            send(requestId, "{not json");
            send(requestId, violating.toString());
            send(requestId, unknownType.toString());
            send(requestId, example("hr.request.submitted", requestId).toString());

            RequestSnapshot snapshot = awaitSnapshot(requestId, s -> true);
            assertEquals(1, snapshot.eventsApplied);
            dlq.await(3, Duration.ofSeconds(20), node -> true);
            List<ConsumerRecord<String, String>> dead = dlq.records().stream()
                    .filter(r -> requestId.toString().equals(r.key())).toList();
            assertEquals(3, dead.size(), "three poison messages dead-lettered");
            assertTrue(EventProbe.header(dead.get(0), EventHeaders.DLQ_REASON).startsWith("not a CloudEvents"));
            assertTrue(EventProbe.header(dead.get(1), EventHeaders.DLQ_REASON).contains("violates its schema"));
            assertEquals("unknown event type", EventProbe.header(dead.get(2), EventHeaders.DLQ_REASON));
            assertEquals("hr.requests", EventProbe.header(dead.get(0), EventHeaders.DLQ_TOPIC));
        }
    }

    private static ObjectNode example(String type, UUID requestId) throws IOException {
        try (InputStream in = RequestEventsConsumerTest.class.getClassLoader()
                .getResourceAsStream("contracts/examples/" + type + ".json")) {
            ObjectNode event = (ObjectNode) MAPPER.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", requestId.toString());
            event.put("time", Instant.now().toString());
            ((ObjectNode) event.get("data")).put("requestId", requestId.toString());
            return event;
        }
    }

    private static void send(UUID key, String value) throws Exception {
        producer.send(new ProducerRecord<>("hr.requests", key.toString(), value)).get();
    }

    private static RequestSnapshot awaitSnapshot(UUID id, java.util.function.Predicate<RequestSnapshot> until)
            throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            Supplier<RequestSnapshot> read = () -> RequestSnapshot.findById(id);
            RequestSnapshot snapshot = QuarkusTransaction.requiringNew().call(read::get);
            if (snapshot != null && until.test(snapshot)) {
                return snapshot;
            }
            Thread.sleep(100);
        }
        RequestSnapshot last = QuarkusTransaction.requiringNew().call(() -> RequestSnapshot.findById(id));
        assertNotNull(last, "no snapshot for " + id);
        throw new AssertionError("snapshot never reached the expected state: status " + last.status);
    }
}
