package io.hrloop.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hrloop.common.support.Backbone;
import io.hrloop.common.support.ConsumingProfile;
import io.hrloop.common.support.ProbeHandler;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Management;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * The consumer loop over the real broker and database when things go wrong around it: the database refuses
 * connections, a handler keeps the loop out of poll so long that the group takes its partitions away and the
 * commit is refused. Nothing is lost, nothing is applied twice, nothing is dead-lettered for it.
 */
@QuarkusTest
@TestProfile(ConsumingProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class ConsumerResilienceTest {

    @AfterEach
    void reset() {
        Backbone.allowConnections();
        ProbeHandler.slowMillis = 0;
    }

    @Test
    void eventsWaitWhileTheDatabaseRefusesConnectionsAndAreAppliedOnceWhenItIsBack() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        long deadLettersBefore = Backbone.count("select count(*) from dead_letter");
        List<String> people = new ArrayList<>();
        try (EventProbe dlq = EventProbe.at("hr.dlq.backbone-test")) {
            Backbone.refuseConnections();
            Instant refused = Instant.now();
            for (int i = 0; i < 20; i++) {
                String person = "db-" + run + "-" + i;
                people.add(person);
                Backbone.sendErased(person);
                Thread.sleep(200);
            }
            // While the database is away the API answers 503 with Retry-After, within the pool's timeout.
            long started = System.nanoTime();
            RestAssured.given().auth().oauth2(Tokens.of("operator-1", null, "operator"))
                    .get("/api/v1/dead-letters")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "5");
            assertTrue(System.nanoTime() - started < Duration.ofSeconds(10).toNanos(), "answered within the timeout");
            // readiness says so too
            Management.given().get("/q/health/ready").then().statusCode(503);
            long waited = Duration.between(refused, Instant.now()).toMillis();
            Thread.sleep(Math.max(0, 8_000 - waited));
            Backbone.allowConnections();

            Backbone.await(Duration.ofSeconds(60), "every event applied",
                    () -> count(people) == people.size());
            Thread.sleep(1_500);
            assertEquals(people.size(), count(people), "each event applied once");
            assertEquals(people.size(), Backbone.count("select count(distinct person_id) from probe_effect where person_id like 'db-"
                    + run + "-%'"));
            assertEquals(deadLettersBefore, Backbone.count("select count(*) from dead_letter"), "nothing dead-lettered");
            assertEquals(0, dlq.drain(Duration.ofSeconds(1), e -> true).size(), "nothing on the dead-letter topic");
        }
        Management.given().get("/q/health/ready").then().statusCode(200);
        Management.given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aCommitRefusedAfterTheGroupTookThePartitionsAwayLosesAndDoublesNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        ProbeHandler.slowMillis = 7_000; // longer than kafka.max.poll.interval.ms: the commit that follows fails
        List<String> people = new ArrayList<>();
        people.add("slow-" + run);
        Backbone.sendErased(people.getFirst());
        for (int i = 0; i < 10; i++) {
            String person = "after-" + run + "-" + i;
            people.add(person);
            Backbone.sendErased(person);
        }
        Backbone.await(Duration.ofSeconds(90), "every event applied", () -> count(people) >= people.size());
        ProbeHandler.slowMillis = 0;
        Thread.sleep(3_000);
        assertEquals(people.size(), count(people), "each event applied once, the slow one too");
        String before = Management.given().get("/q/metrics").asString();
        assertTrue(before.contains("hrloop_consumer_seconds_since_poll"), "the loop's heartbeat is a metric");
        Management.given().get("/q/health/live").then().statusCode(200);

        // and the loop goes on consuming
        String later = "later-" + run;
        Backbone.sendErased(later);
        Backbone.await(Duration.ofSeconds(30), "a later event applied", () -> count(List.of(later)) == 1);
    }

    private static long count(List<String> people) {
        return Backbone.count("select count(*) from probe_effect where person_id in ('" + String.join("','", people) + "')");
    }
}
