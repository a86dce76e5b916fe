package io.hrloop.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** kill -9 of a consuming and of a producing service in the middle of the flow: nothing lost, nothing doubled. */
class CrashRecoveryTest {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Flow.ensureCatalogue(suite);
    }

    @Test
    void aConsumerKilledWhileEventsFlowToItAppliesEveryEffectOnceAfterItsRestart() throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger submitted = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> work = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            String person = "emp-crash-" + w + "-" + UUID.randomUUID();
            work.add(pool.submit(() -> {
                for (int i = 0; i < 25; i++) {
                    ids.add(Flow.submit(suite, person, "Crash " + i));
                    submitted.incrementAndGet();
                    Flow.sleep(40);
                }
                return null;
            }));
        }
        while (submitted.get() < 30) {
            Thread.sleep(10);
        }
        long pid = suite.feedback.pid();
        suite.feedback.kill();
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        Instant restarted = Instant.now();
        suite.restart(suite.feedback);
        Map<String, Integer> applied = Flow.awaitSnapshots(ids, Duration.ofSeconds(120));
        System.out.printf("[hrloop-system] consumer kill -9 (pid %d): %d events, %d applied, %d not once; caught up %d ms after the restart%n",
                pid, ids.size(), applied.size(), Flow.ofEach(applied, 1).size(),
                Duration.between(restarted, Instant.now()).toMillis() - 2_000);
        assertEquals(100, ids.size());
        assertEquals(ids.size(), applied.size(), "every event reached feedback-service");
        assertEquals(List.of(), Flow.ofEach(applied, 1), "every effect applied exactly once");
    }

    @Test
    void aProducerKilledBetweenAcceptedRequestsDrainsItsOutboxAfterItsRestart() throws Exception {
        List<String> ids = new ArrayList<>();
        String person = "emp-producer-crash-" + UUID.randomUUID();
        for (int i = 0; i < 40; i++) {
            ids.add(Flow.submit(suite, person, "Accepted before the crash " + i));
        }
        suite.request.kill(); // right after the last 201: the relay may not have published the last rows yet
        long waiting = Flow.count("request", "select count(*) from outbox_event");
        suite.restart(suite.request);
        Map<String, Integer> applied = Flow.awaitSnapshots(ids, Duration.ofSeconds(90));
        System.out.printf("[hrloop-system] producer kill -9: %d accepted, %d outbox rows left at the crash, %d delivered, %d not once%n",
                ids.size(), waiting, applied.size(), Flow.ofEach(applied, 1).size());
        assertEquals(ids.size(), applied.size(), "every accepted request was delivered");
        assertEquals(List.of(), Flow.ofEach(applied, 1), "and applied once");
        assertEquals(0, Flow.count("request", "select count(*) from outbox_event"), "the outbox is drained");
    }
}
