package io.hrloop.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The feedback loop timed under load. Every interval a person files a payroll query, an HR agent of
 * the payroll team takes it, starts and resolves it, the person's survey invitation is awaited on
 * feedback-service and answered with CSAT 1 and a negative comment, and the time from that answer's
 * 2xx until the feedback shows as evidence on improvement-service is recorded. What to look for is told
 * by the events (a consumer of {@code hr.feedback} and {@code hr.improvements} outside any group): when
 * {@code hr.feedback.survey-invited} names a loop's request, its invitation is read from the API; when
 * {@code hr.improvement.evidence-added} names a loop's feedback, the item's evidence is read from the API until
 * the feedback is there. Each time is taken when the API shows it, as a user would see it, without polling the
 * APIs every few milliseconds (some 150 calls a second to the services being measured).
 */
final class Loop {

    record Ports(int requests, int feedback, int improvements) {
    }

    record Result(int started, int completed, int failed, int answeredUnderLoad, Histogram answerToEvidence,
            Histogram resolvedToInvitation, List<String> failures) {
    }

    private static final String[] COMPLAINTS = {
            "Took three weeks and nobody answered my emails about the missing overtime.",
            "Very slow, I had to chase payroll again and again before anyone replied.",
            "Still waiting far too long for a simple answer, nobody kept me informed.",
    };

    private final Http http = new Http(8);
    private final Ports ports;
    private final String person;
    private final String agent;
    private final String agentId;
    private final String lead;
    private final Map<String, CompletableFuture<String>> invitations = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Long>> evidence = new ConcurrentHashMap<>();
    private final Histogram answerToEvidence = new Histogram(3);
    private final Histogram resolvedToInvitation = new Histogram(3);
    private final List<String> failures = new ArrayList<>();
    private final List<Thread> iterations = new ArrayList<>();
    private final List<Thread> warming = new ArrayList<>();
    private volatile boolean measuring;
    private volatile long endNanos = System.nanoTime() + Duration.ofDays(1).toNanos();
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger underLoad = new AtomicInteger();
    private volatile boolean polling = true;
    private volatile boolean loaded = true;

    Loop(Ports ports, int kafkaPort, String person, String agent, String agentId, String lead) {
        this.ports = ports;
        this.person = person;
        this.agent = agent;
        this.agentId = agentId;
        this.lead = lead;
        watch(kafkaPort);
    }

    /** Starts reading both topics from their ends (positions are fixed before this returns). */
    private void watch(int kafkaPort) {
        Properties props = new Properties();
        props.put("bootstrap.servers", "localhost:" + kafkaPort);
        props.put("enable.auto.commit", "false");
        props.put("isolation.level", "read_committed");
        props.put("client.id", "bench-loop");
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of("hr.feedback", "hr.improvements")) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        Thread.ofPlatform().name("loop-events").daemon().start(() -> {
            try (consumer) {
                while (polling) {
                    for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(100))) {
                        seen(record);
                    }
                }
            }
        });
    }

    private void seen(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader("ce_type");
        String type = header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
        if (!type.equals("hr.feedback.survey-invited") && !type.equals("hr.improvement.evidence-added")) {
            return;
        }
        JsonNode data;
        try {
            data = Http.JSON.readTree(record.value()).get("data");
        } catch (java.io.IOException e) {
            return;
        }
        if (type.equals("hr.feedback.survey-invited")) {
            CompletableFuture<String> invitation = invitations.get(data.get("requestId").asText());
            if (invitation != null && !invitation.isDone()) {
                Thread.ofVirtual().start(() -> readInvitation(data.get("requestId").asText(), invitation));
            }
        } else {
            if (!"FEEDBACK".equalsIgnoreCase(data.get("evidence").get("kind").asText())) {
                return; // a service-level breach
            }
            String feedbackId = data.get("evidence").get("sourceId").asText();
            CompletableFuture<Long> shown = evidence.computeIfAbsent(feedbackId, k -> new CompletableFuture<>());
            if (!shown.isDone()) {
                Thread.ofVirtual().start(() -> readEvidence(data.get("improvementId").asText(), feedbackId, shown));
            }
        }
    }

    /** Reads the person's open surveys until the request's invitation is among them. */
    private void readInvitation(String requestId, CompletableFuture<String> invitation) {
        for (int attempt = 0; attempt < 500 && !invitation.isDone(); attempt++) {
            try {
                Http.Answer page = http.get(ports.feedback(), "/api/v1/surveys?limit=100", person);
                if (page.ok()) {
                    for (JsonNode item : page.json().get("items")) {
                        if (item.get("requestId").asText().equals(requestId)) {
                            invitation.complete(item.get("token").asText());
                        }
                    }
                }
            } catch (RuntimeException e) {
                // tried again in a moment
            }
            if (!invitation.isDone()) {
                Http.sleep(Duration.ofMillis(20));
            }
        }
    }

    /** Pages through the item's evidence until the feedback is there; the time is when the API shows it. */
    private void readEvidence(String itemId, String feedbackId, CompletableFuture<Long> shown) {
        for (int attempt = 0; attempt < 500 && !shown.isDone(); attempt++) {
            // pages of the size a portal shows (the API's default), newest first: the new feedback is near the top
            String uri = "/api/v1/improvements/" + itemId + "/evidence?limit=50";
            try {
                for (int page = 0; page < 20 && uri != null && !shown.isDone(); page++) {
                    Http.Answer answer = http.get(ports.improvements(), uri, lead);
                    if (!answer.ok()) {
                        break;
                    }
                    for (JsonNode e : answer.json().get("items")) {
                        if (e.get("sourceId").asText().equals(feedbackId)) {
                            shown.complete(System.nanoTime());
                        }
                    }
                    JsonNode next = answer.json().get("next");
                    uri = next == null || next.isNull() ? null : "/api/v1/improvements/" + itemId + "/evidence?limit=50&cursor="
                            + java.net.URLEncoder.encode(next.asText(), StandardCharsets.UTF_8);
                }
            } catch (RuntimeException e) {
                // tried again in a moment
            }
            if (!shown.isDone()) {
                Http.sleep(Duration.ofMillis(20));
            }
        }
    }

    /**
     * Starts one iteration every {@code interval}, returns at once. Until {@link #measure} is called the loops
     * warm the services' code up (the JIT compiles the loop's paths while intake warms up too) and are not timed;
     * from then on, for its duration, each loop started is timed.
     */
    Thread start(Duration interval) {
        return Thread.ofPlatform().name("loop-filer").daemon().start(() -> {
            int n = 0;
            while (System.nanoTime() - endNanos < 0) {
                boolean timed = measuring;
                int i = n++;
                Thread t = Thread.ofVirtual().start(() -> iteration(i, timed));
                synchronized (iterations) {
                    (timed ? iterations : warming).add(t);
                }
                Http.sleep(interval);
            }
        });
    }

    /** From now on, for {@code duration}, the loops started are timed; then no more are started. */
    void measure(Duration duration) {
        endNanos = System.nanoTime() + duration.toNanos();
        measuring = true;
    }

    /** Starts no more loops (intake failed before its measured window). */
    void cancel() {
        endNanos = System.nanoTime();
    }

    /** The load this loop is measured under has stopped. */
    void loadEnded() {
        loaded = false;
    }

    Result finish(Thread filer, Duration timeout) throws InterruptedException {
        filer.join();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> all;
        List<Thread> warm;
        synchronized (iterations) {
            all = List.copyOf(iterations);
            warm = List.copyOf(warming);
        }
        for (Thread t : warm) {
            t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        for (Thread t : all) {
            t.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
        }
        polling = false;
        http.close();
        synchronized (failures) {
            return new Result(all.size(), completed.get(), all.size() - completed.get(), underLoad.get(),
                    answerToEvidence, resolvedToInvitation, List.copyOf(failures));
        }
    }

    private void iteration(int n, boolean timed) {
        try {
            Http.Answer created = Http.ok(http.post(ports.requests(), "/api/v1/requests", person, """
                    {"type":"payroll-query","subject":"Overtime missing from my payslip (loop %d)",
                     "description":"My overtime for last month is not on my payslip. Could you check?"}""".formatted(n),
                    Map.of()), "submit");
            String id = created.json().get("id").asText();
            String base = "/api/v1/requests/" + id;
            Http.Answer a = Http.ok(http.post(ports.requests(), base + "/assignment", agent,
                    "{\"owner\":\"" + agentId + "\"}", Map.of("If-Match", created.etag())), "assign");
            a = Http.ok(http.post(ports.requests(), base + "/status", agent, "{\"status\":\"IN_PROGRESS\"}",
                    Map.of("If-Match", a.etag())), "start");
            CompletableFuture<String> invitation = invitations.computeIfAbsent(id, k -> new CompletableFuture<>());
            Http.ok(http.post(ports.requests(), base + "/status", agent,
                    "{\"status\":\"RESOLVED\",\"note\":\"Added to next month's payslip.\"}", Map.of("If-Match", a.etag())),
                    "resolve");
            long resolved = System.nanoTime();
            String token = invitation.get(180, TimeUnit.SECONDS);
            if (timed) {
                record(resolvedToInvitation, System.nanoTime() - resolved);
            }
            Http.Answer answer = Http.ok(http.post(ports.feedback(), "/api/v1/surveys/" + token + "/response", null,
                    "{\"csat\":1,\"comment\":\"" + COMPLAINTS[n % COMPLAINTS.length] + "\",\"themes\":[\"speed\"]}",
                    Map.of()), "answer");
            long answered = System.nanoTime();
            if (timed && loaded) {
                underLoad.incrementAndGet();
            }
            String feedbackId = answer.json().get("feedbackId").asText();
            long seen = evidence.computeIfAbsent(feedbackId, k -> new CompletableFuture<>()).get(180, TimeUnit.SECONDS);
            if (timed) {
                record(answerToEvidence, seen - answered);
                completed.incrementAndGet();
            }
        } catch (Exception e) {
            if (!timed) {
                return; // a warm-up loop: not counted
            }
            synchronized (failures) {
                failures.add(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    private static void record(Histogram histogram, long nanos) {
        synchronized (histogram) {
            histogram.recordValue(Math.max(0, nanos));
        }
    }
}
