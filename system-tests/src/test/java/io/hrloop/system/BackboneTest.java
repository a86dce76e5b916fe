package io.hrloop.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.restassured.http.ContentType;

/**
 * The event backbone across two deployed services: request-service writes events through its
 * outbox, feedback-service consumes them through its inbox. Nothing may be lost or applied twice,
 * even when the broker stops and restarts while events are being written.
 */
class BackboneTest {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Catalogue.ensureRequestType(suite.request.baseUrl(), "backbone-query", "payroll", 0.0);
    }

    @Test
    void eventsAreConsumedExactlyOnceAcrossABrokerRestart() throws Exception {
        int writers = 3;
        int perWriter = 20;
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger submitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < writers; w++) {
            String person = "emp-backbone-" + w + "-" + UUID.randomUUID();
            work.add(pool.submit(() -> {
                for (int i = 0; i < perWriter; i++) {
                    ids.add(submit(person, "Backbone request " + i));
                    submitted.incrementAndGet();
                    pause(50);
                }
                return null;
            }));
        }
        // Stop the broker once a quarter of the requests are in, while the writers keep going.
        awaitCount(submitted, writers * perWriter / 4, work);
        TestInfrastructure.get().kafka().stop();
        awaitCount(submitted, writers * perWriter * 3 / 4, work);
        TestInfrastructure.get().kafka().start();
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        assertEquals(writers * perWriter, ids.size(), "every submission answered 201 although the broker was down");

        Map<String, Integer> applied = awaitSnapshots(ids, Duration.ofSeconds(90));
        assertEquals(ids.size(), applied.size(), "every request reached feedback-service");
        applied.forEach((id, count) -> assertEquals(1, count, "request " + id + " applied exactly once"));
        try (Connection db = Suite.database("request");
                ResultSet rs = db.createStatement().executeQuery("select count(*) from outbox_event")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the outbox is drained and cleaned up");
        }
    }

    @Test
    void aPoisonMessageIsDeadLetteredAndTheNextGoodOneIsProcessed() throws Exception {
        String key = UUID.randomUUID().toString();
        try (EventProbe dlq = EventProbe.at("hr.dlq.feedback-service");
                KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                        TestInfrastructure.get().kafka().bootstrapServers()), new StringSerializer(),
                        new StringSerializer())) {
            producer.send(new ProducerRecord<>("hr.requests", key, "{\"specversion\":\"1.0\",\"garbage\":")).get();
            String id = submit("emp-poison-" + UUID.randomUUID(), "After the poison");
            Map<String, Integer> applied = awaitSnapshots(List.of(id), Duration.ofSeconds(60));
            assertEquals(1, applied.get(id));
            dlq.await(1, Duration.ofSeconds(30), node -> true);
            List<ConsumerRecord<String, String>> dead = dlq.records().stream().filter(r -> key.equals(r.key())).toList();
            assertEquals(1, dead.size());
            assertTrue(EventProbe.header(dead.getFirst(), "dlq-reason").startsWith("not a CloudEvents"));
            assertEquals("hr.requests", EventProbe.header(dead.getFirst(), "dlq-original-topic"));
        }
    }

    private static String submit(String person, String subject) {
        return given().baseUri(suite.request.baseUrl()).auth().oauth2(Tokens.employee(person))
                .contentType(ContentType.JSON)
                .body(Map.of("type", "backbone-query", "subject", subject, "description", "backbone test"))
                .when().post("/api/v1/requests")
                .then().statusCode(201).extract().path("id");
    }

    /** Polls feedback-service's own projection until every id is there; returns events applied per id. */
    private static Map<String, Integer> awaitSnapshots(List<String> ids, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        Map<String, Integer> applied = snapshots(ids);
        while (applied.size() < ids.size() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
            applied = snapshots(ids);
        }
        if (applied.size() == ids.size()) {
            // give a duplicate delivery, if any, the time to (wrongly) apply before looking again
            Thread.sleep(2_000);
            applied = snapshots(ids);
        }
        return applied;
    }

    private static Map<String, Integer> snapshots(List<String> ids) throws Exception {
        Map<String, Integer> applied = new HashMap<>();
        try (Connection db = Suite.database("feedback");
                PreparedStatement select = db.prepareStatement(
                        "select request_id::text, events_applied from request_snapshot where request_id::text = any(?)")) {
            Array array = db.createArrayOf("text", ids.toArray());
            select.setArray(1, array);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    applied.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        return applied;
    }

    private static void awaitCount(AtomicInteger counter, int target, List<Future<?>> work) throws Exception {
        while (counter.get() < target) {
            if (work.stream().allMatch(Future::isDone)) {
                for (Future<?> f : work) {
                    f.get(); // surfaces a writer's failure
                }
                return;
            }
            Thread.sleep(20);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
