package io.hrloop.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;

/**
 * The database in trouble: refusing a consumer's connections for 20 s, then the whole server frozen for 15 s.
 * Events wait and are applied once, nothing is dead-lettered, the APIs answer 503 with Retry-After within
 * their timeouts, readiness says DOWN, and everything recovers without a restart.
 */
class DatabaseOutageTest {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Flow.ensureCatalogue(suite);
    }

    @Test
    void eventsWaitWhileTheConsumersDatabaseRefusesConnectionsAndNoneIsDeadLettered() throws Exception {
        long deadLettersBefore = Flow.count("feedback", "select count(*) from dead_letter");
        List<String> ids = new ArrayList<>();
        List<Long> answerMillis = new ArrayList<>();
        boolean readinessDown = false;
        String person = "emp-dbdown-" + UUID.randomUUID();
        long pid = suite.feedback.pid();
        try (EventProbe dlq = EventProbe.at("hr.dlq.feedback-service")) {
            Flow.admin("alter database feedback allow_connections false",
                    "select pg_terminate_backend(pid) from pg_stat_activity where datname = 'feedback'");
            Instant refused = Instant.now();
            try {
                while (Duration.between(refused, Instant.now()).toSeconds() < 20) {
                    ids.add(Flow.submit(suite, person, "While feedback's database is away " + ids.size()));
                    long started = System.nanoTime();
                    HttpResponse<String> answer = Flow.call("GET", suite.feedback.baseUrl() + "/api/v1/surveys",
                            Tokens.employee(person), null, Duration.ofSeconds(15));
                    answerMillis.add((System.nanoTime() - started) / 1_000_000);
                    assertEquals(503, answer.statusCode(), answer.body());
                    assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                    assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
                    readinessDown |= !Flow.ready(suite.feedback);
                    Flow.sleep(500);
                }
            } finally {
                Flow.admin("alter database feedback allow_connections true");
            }
            Instant allowed = Instant.now();
            Map<String, Integer> applied = Flow.awaitSnapshots(ids, Duration.ofSeconds(90));
            long recovered = Duration.between(allowed, Instant.now()).toMillis() - 2_000;
            long deadLettered = dlq.drain(Duration.ofSeconds(1), e -> true).size();
            System.out.printf("[hrloop-system] feedback database refused 20 s: %d events, %d applied, %d not once, "
                    + "%d dead-lettered; API answered 503 in %d ms at most; readiness DOWN: %s; applied %d ms after it was back%n",
                    ids.size(), applied.size(), Flow.ofEach(applied, 1).size(), deadLettered,
                    answerMillis.stream().mapToLong(Long::longValue).max().orElse(0), readinessDown, recovered);
            assertEquals(ids.size(), applied.size(), "every event applied once the database is back");
            assertEquals(List.of(), Flow.ofEach(applied, 1), "each once");
            assertEquals(0, deadLettered, "nothing on the dead-letter topic");
            assertEquals(deadLettersBefore, Flow.count("feedback", "select count(*) from dead_letter"), "nothing parked");
            assertTrue(answerMillis.stream().allMatch(ms -> ms < 10_000), "answered within the timeout: " + answerMillis);
            assertTrue(readinessDown, "readiness reported the database DOWN");
        }
        assertEquals(pid, suite.feedback.pid(), "recovered without a restart");
        assertTrue(Flow.ready(suite.feedback));
    }

    @Test
    void aFrozenDatabaseServerMakesRequestsFailWithin10SecondsAndTheServiceRecoversWithoutARestart() throws Exception {
        String token = Tokens.employee("emp-pghang-" + UUID.randomUUID());
        long pid = suite.request.pid();
        List<Long> answerMillis = new ArrayList<>();
        TestInfrastructure.get().postgres().pause();
        Instant frozen = Instant.now();
        try {
            while (Duration.between(frozen, Instant.now()).toSeconds() < 15) {
                long started = System.nanoTime();
                HttpResponse<String> answer = Flow.call("POST", suite.request.baseUrl() + "/api/v1/requests", token,
                        Flow.submission("While PostgreSQL hangs"), Duration.ofSeconds(30));
                long millis = (System.nanoTime() - started) / 1_000_000;
                answerMillis.add(millis);
                assertEquals(503, answer.statusCode(), answer.body());
                assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null));
            }
        } finally {
            TestInfrastructure.get().postgres().resume();
        }
        Instant resumed = Instant.now();
        int status = 0;
        while (Duration.between(resumed, Instant.now()).toSeconds() < 60 && status != 201) {
            status = Flow.call("POST", suite.request.baseUrl() + "/api/v1/requests", token,
                    Flow.submission("After PostgreSQL is back"), Duration.ofSeconds(30)).statusCode();
            if (status != 201) {
                Flow.sleep(250);
            }
        }
        long recovered = Duration.between(resumed, Instant.now()).toMillis();
        System.out.printf("[hrloop-system] PostgreSQL frozen 15 s: %d calls answered 503 in %s ms; first 201 %d ms after it resumed%n",
                answerMillis.size(), answerMillis, recovered);
        assertTrue(answerMillis.stream().allMatch(ms -> ms <= 10_000), "every call answered within 10 s: " + answerMillis);
        assertEquals(201, status, "the service recovered");
        assertEquals(pid, suite.request.pid(), "without a restart");
        assertTrue(Flow.ready(suite.request));
    }
}
