package io.hrloop.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.TestInfrastructure;

/** A broker that hangs (SIGSTOP) for 20 s: the services stay ready, accept requests, and deliver them once after. */
class BrokerPauseTest {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Flow.ensureCatalogue(suite);
    }

    @Test
    void aFrozenBrokerKeepsTheServicesReadyAndEverythingAcceptedArrivesOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        int readyChecks = 0;
        int notReady = 0;
        String person = "emp-brokerpause-" + UUID.randomUUID();
        TestInfrastructure.get().kafka().pause();
        Instant paused = Instant.now();
        try {
            while (Duration.between(paused, Instant.now()).toSeconds() < 20) {
                ids.add(Flow.submit(suite, person, "While the broker hangs " + ids.size()));
                for (var service : List.of(suite.request, suite.feedback, suite.improvement)) {
                    readyChecks++;
                    if (!Flow.ready(service)) {
                        notReady++;
                    }
                }
                Flow.sleep(1_000);
            }
        } finally {
            TestInfrastructure.get().kafka().resume();
        }
        Instant resumed = Instant.now();
        Map<String, Integer> applied = Flow.awaitSnapshots(ids, Duration.ofSeconds(120));
        System.out.printf("[hrloop-system] broker frozen 20 s: %d requests accepted, %d of %d readiness checks not ready, "
                + "%d delivered, %d not once, all applied %d ms after it resumed%n", ids.size(), notReady, readyChecks,
                applied.size(), Flow.ofEach(applied, 1).size(), Duration.between(resumed, Instant.now()).toMillis() - 2_000);
        assertTrue(ids.size() >= 10, "requests were accepted while the broker hung");
        assertEquals(0, notReady, "every service stayed ready");
        assertEquals(ids.size(), applied.size(), "everything accepted arrived");
        assertEquals(List.of(), Flow.ofEach(applied, 1), "once");
    }
}
