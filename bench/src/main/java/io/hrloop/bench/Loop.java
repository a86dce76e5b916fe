package io.hrloop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.HdrHistogram.Histogram;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The feedback loop timed under load. Every interval a person files a payroll query, an HR agent of
 * the payroll team takes it, starts and resolves it, the person's survey invitation is awaited on
 * feedback-service and answered with CSAT 1 and a negative comment, and the time from that answer's
 * 2xx until the feedback shows as evidence on improvement-service is recorded. Two poller threads
 * (invitations every 20 ms, evidence every 10 ms) serve all iterations, so the polling load does not
 * grow with the backlog.
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
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger underLoad = new AtomicInteger();
    private volatile boolean polling = true;
    private volatile boolean loaded = true;

    Loop(Ports ports, String person, String agent, String agentId, String lead) {
        this.ports = ports;
        this.person = person;
        this.agent = agent;
        this.agentId = agentId;
        this.lead = lead;
        Thread.ofPlatform().name("loop-invitations").daemon().start(this::pollInvitations);
        Thread.ofPlatform().name("loop-evidence").daemon().start(this::pollEvidence);
    }

    /** Starts one iteration every {@code interval} until {@code duration} has passed; returns at once. */
    Thread start(Duration interval, Duration duration) {
        return Thread.ofPlatform().name("loop-filer").daemon().start(() -> {
            long end = System.nanoTime() + duration.toNanos();
            while (System.nanoTime() < end) {
                int n = iterations.size();
                synchronized (iterations) {
                    iterations.add(Thread.ofVirtual().start(() -> iteration(n)));
                }
                Http.sleep(interval);
            }
        });
    }

    /** The load this loop is measured under has stopped. */
    void loadEnded() {
        loaded = false;
    }

    Result finish(Thread filer, Duration timeout) throws InterruptedException {
        filer.join();
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Thread> all;
        synchronized (iterations) {
            all = List.copyOf(iterations);
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

    private void iteration(int n) {
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
            Http.ok(http.post(ports.requests(), base + "/status", agent,
                    "{\"status\":\"RESOLVED\",\"note\":\"Added to next month's payslip.\"}", Map.of("If-Match", a.etag())),
                    "resolve");
            long resolved = System.nanoTime();
            CompletableFuture<String> invitation = invitations.computeIfAbsent(id, k -> new CompletableFuture<>());
            String token = invitation.get(180, TimeUnit.SECONDS);
            record(resolvedToInvitation, System.nanoTime() - resolved);
            Http.Answer answer = Http.ok(http.post(ports.feedback(), "/api/v1/surveys/" + token + "/response", null,
                    "{\"csat\":1,\"comment\":\"" + COMPLAINTS[n % COMPLAINTS.length] + "\",\"themes\":[\"speed\"]}",
                    Map.of()), "answer");
            long answered = System.nanoTime();
            if (loaded) {
                underLoad.incrementAndGet();
            }
            String feedbackId = answer.json().get("feedbackId").asText();
            long seen = evidence.computeIfAbsent(feedbackId, k -> new CompletableFuture<>()).get(180, TimeUnit.SECONDS);
            record(answerToEvidence, seen - answered);
            completed.incrementAndGet();
        } catch (Exception e) {
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

    private void pollInvitations() {
        while (polling) {
            if (invitations.values().stream().anyMatch(f -> !f.isDone())) {
                try {
                    Http.Answer page = http.get(ports.feedback(), "/api/v1/surveys?limit=100", person);
                    if (page.ok()) {
                        for (JsonNode item : page.json().get("items")) {
                            invitations.computeIfAbsent(item.get("requestId").asText(), k -> new CompletableFuture<>())
                                    .complete(item.get("token").asText());
                        }
                    }
                } catch (RuntimeException e) {
                    // polled again in a moment
                }
            }
            Http.sleep(Duration.ofMillis(20));
        }
    }

    private void pollEvidence() {
        Map<String, Long> seenCounts = new HashMap<>();
        long lastFull = 0;
        while (polling) {
            if (evidence.values().stream().anyMatch(f -> !f.isDone())) {
                try {
                    boolean full = System.nanoTime() - lastFull > 1_000_000_000L;
                    Http.Answer items = http.get(ports.improvements(), "/api/v1/improvements?area=payroll-query"
                            + "&status=PROPOSED,ACCEPTED,IN_PROGRESS&sort=created&limit=20", lead);
                    for (JsonNode item : items.ok() ? items.json().get("items") : Http.JSON.createArrayNode()) {
                        String id = item.get("id").asText();
                        long count = item.get("evidenceCount").asLong();
                        if (!full && Long.valueOf(count).equals(seenCounts.get(id))) {
                            continue;
                        }
                        seenCounts.put(id, count);
                        Http.Answer page = http.get(ports.improvements(), "/api/v1/improvements/" + id + "/evidence?limit=200", lead);
                        long now = System.nanoTime();
                        for (JsonNode e : page.ok() ? page.json().get("items") : Http.JSON.createArrayNode()) {
                            evidence.computeIfAbsent(e.get("sourceId").asText(), k -> new CompletableFuture<>()).complete(now);
                        }
                    }
                    if (full) {
                        lastFull = System.nanoTime();
                    }
                } catch (RuntimeException e) {
                    // polled again in a moment
                }
            }
            Http.sleep(Duration.ofMillis(10));
        }
    }
}
