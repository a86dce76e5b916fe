package io.hrloop.feedback.events;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.contract.RequestResolved;
import io.hrloop.feedback.api.Anonymity;
import io.hrloop.feedback.service.SurveyService;
import io.hrloop.feedback.service.SurveyService.Decision;
import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.Surveys;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Mailbox;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.Tokens;
import io.hrloop.testsupport.Topics;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Survey decisions of resolutions consumed together: a batch decides from facts loaded once for all its events (the
 * requesters' locks, their invitations, their contact entries) and must decide exactly as one event per transaction
 * would. The events of a test go out under one key in one producer batch, so that the consumer polls them together, and
 * {@link WholeBatches} lets one transaction apply a whole poll (by default a cold service's first events, costly, each
 * get a transaction of their own).
 */
@QuarkusTest
@TestProfile(SurveyBatchTest.WholeBatches.class)
@WithTestResource(RealInfrastructureResource.class)
class SurveyBatchTest {

    /** A transaction budget no test batch reaches. */
    public static class WholeBatches implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("hrloop.consumer.transaction-budget", "1m");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern LINK = Pattern.compile("/answer/([A-Za-z0-9_-]{43})");
    private static KafkaProducer<String, String> producer;

    @Inject
    SurveyService surveys;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void connect() {
        Topics.ensure("hr.requests", "hr.people", "hr.feedback");
        producer = new KafkaProducer<>(Map.of("bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers(),
                "acks", "all", "linger.ms", "500", "batch.size", "1048576"), new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void disconnect() {
        producer.close();
    }

    @Test
    void resolutionsOfSeveralRequestersInOneBatchAreInvitedOnceEachAndThrottledAsOneByOne() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String a = "emp-batch-" + UUID.randomUUID();
        String b = "emp-batch-" + UUID.randomUUID();
        String c = "emp-batch-" + UUID.randomUUID();
        Request a1 = Request.of("payroll-query", team, a);
        Request a2 = Request.of("leave-request", team, a);
        Request b1 = Request.of("payroll-query", team, b);
        Request b2 = Request.of("benefits-question", team, b);
        Request confidential = Request.of("employee-relations-concern", team, null);
        Request c1 = Request.of("payroll-query", team, c);
        List<JsonNode> invited;
        try (EventProbe probe = EventProbe.at("hr.feedback")) {
            sendTogether(List.of(
                    RequestEvents.resolvedEvent(a1, 1.0, a + "@hrloop.test", "de"),
                    RequestEvents.resolvedEvent(b1, 1.0, b + "@hrloop.test", null),
                    RequestEvents.resolvedEvent(a2, 1.0, a + "@hrloop.test", "de"), // throttled: a was invited just now
                    RequestEvents.resolvedEvent(b1, 1.0, b + "@hrloop.test", null), // b1 resolved again: already invited
                    RequestEvents.resolvedEvent(b2, 1.0, b + "@hrloop.test", null), // throttled
                    RequestEvents.resolvedEvent(confidential, 1.0, null, null),
                    RequestEvents.resolvedEvent(c1, 1.0, null, null))); // no address: invited, not mailed
            Db.awaitSnapshot(c1.id(), s -> "RESOLVED".equals(s.status));
            invited = probe.drain(Duration.ofSeconds(2), EventProbe.ofType("hr.feedback.survey-invited")
                    .and(e -> List.of(a, b, c).contains(e.path("data").path("personId").asText())));
        }
        assertEquals(Map.of(a1.id().toString(), "PENDING"), invitations(a));
        assertEquals(Map.of(b1.id().toString(), "PENDING"), invitations(b));
        assertEquals(Map.of(c1.id().toString(), "PENDING"), invitations(c));
        assertEquals(0L, count("select count(*) from survey_invitation where request_id = ?1", confidential.id()));
        assertEquals(3, invited.size(), invited.toString());
        Map<String, JsonNode> byPerson = invited.stream()
                .collect(Collectors.toMap(e -> e.path("data").path("personId").asText(), e -> e.path("data")));
        assertTrue(byPerson.get(a).path("mailed").asBoolean());
        assertEquals("de", byPerson.get(a).path("language").asText());
        assertTrue(byPerson.get(b).path("mailed").asBoolean());
        assertFalse(byPerson.get(c).path("mailed").asBoolean());
        assertEquals(List.of(a + "@hrloop.test", "de"), List.of(Db.rows(
                "select email, locale from person_contact where person_id = ?1", a).getFirst()));
        assertEquals(1, Mailbox.of(a + "@hrloop.test").await(1, WAIT).size());
        assertEquals(1, Mailbox.of(b + "@hrloop.test").await(1, WAIT).size());
        assertEquals(3L, invitationsCounted(team), "each invitation counted once in the rollups");
    }

    @Test
    void aReopenBetweenResolutionsInOneBatchWithdrawsAsOneEventPerTransactionWould() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "emp-batch-" + UUID.randomUUID();
        String q = "emp-batch-" + UUID.randomUUID();
        String x = "emp-batch-" + UUID.randomUUID();
        Request r = Request.of("payroll-query", team, p);
        Request s1 = Request.of("payroll-query", team, q);
        Request s2 = Request.of("leave-request", team, q);
        Request t1 = Request.of("payroll-query", team, x);
        Request t2 = Request.of("leave-request", team, x);
        Request t3 = Request.of("benefits-question", team, x);
        // x holds an invitation from an earlier batch: the batch must see it, and see it withdrawn.
        RequestEvents.resolved(t1, 1.0);
        Surveys.awaitInvitation(x);

        sendTogether(List.of(
                RequestEvents.resolvedEvent(r, 1.0, null, null),
                RequestEvents.reopenedEvent(r),
                RequestEvents.resolvedEvent(r, 1.0, null, null), // resolved again: a new invitation
                RequestEvents.resolvedEvent(s1, 1.0, null, null),
                RequestEvents.reopenedEvent(s1),
                RequestEvents.resolvedEvent(s2, 1.0, null, null), // the withdrawn one does not throttle
                RequestEvents.resolvedEvent(t2, 1.0, null, null), // throttled by t1
                RequestEvents.reopenedEvent(t1),
                RequestEvents.resolvedEvent(t3, 1.0, null, null))); // t1 withdrawn: invited
        Db.awaitSnapshot(t3.id(), s -> "RESOLVED".equals(s.status));

        List<Object[]> ofP = Db.rows("select status from survey_invitation where person_id = ?1 order by created_at", p);
        assertEquals(List.of("WITHDRAWN", "PENDING"), ofP.stream().map(row -> (String) row[0]).toList());
        assertEquals(Map.of(s1.id().toString(), "WITHDRAWN", s2.id().toString(), "PENDING"), invitations(q));
        assertEquals(Map.of(t1.id().toString(), "WITHDRAWN", t3.id().toString(), "PENDING"), invitations(x));
        assertEquals(3L, invitationsCounted(team), "withdrawn invitations no longer counted");
    }

    @Test
    void aResolutionDecidedWithoutABatchQueriesAsBefore() throws Exception {
        String person = "emp-alone-" + UUID.randomUUID();
        RequestResolved first = resolution(Request.of("payroll-query", "payroll", person));
        RequestResolved second = resolution(Request.of("leave-request", "leave", person));
        assertEquals(Decision.INVITED, QuarkusTransaction.requiringNew().call(() -> surveys.onResolved(first)));
        assertEquals(Decision.ALREADY_INVITED, QuarkusTransaction.requiringNew().call(() -> surveys.onResolved(first)));
        assertEquals(Decision.THROTTLED, QuarkusTransaction.requiringNew().call(() -> surveys.onResolved(second)));
        assertEquals(Map.of(first.requestId().toString(), "PENDING"), invitations(person));
    }

    /**
     * hr.person.erased comes on hr.people, whose consumer loop is not that of hr.requests: an erasure never shares a
     * batch with resolutions, but it can commit while a batch deciding for the same person is open. Here the batch has
     * decided (A invited and mailed, B throttled, both from facts loaded once) and waits to add its counts to a row the
     * test holds; the erasure arrives then. Whatever the order of their commits, nothing of the person may stay.
     */
    @Test
    void anErasureWhileABatchDecidesThePersonsResolutionsLeavesNoInvitationContactOrLiveMailOfTheirs() throws Exception {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "emp-erased-" + UUID.randomUUID();
        String address = p + "@hrloop.test";
        knownAddress(p, address);
        // Another requester's invitation today makes the team's count row, which the test then holds.
        String other = "emp-batch-" + UUID.randomUUID();
        RequestEvents.resolved(Request.of("payroll-query", team, other), 1.0);
        Surveys.awaitInvitation(other);
        Request a = Request.of("payroll-query", team, p);
        Request b = Request.of("leave-request", team, p);

        String erasure;
        try (HeldRow held = HeldRow.lock("select 1 from feedback_rollup where grain = 'DAY' and dimension = 'TEAM' "
                + "and dimension_key = ?1 for update", team)) {
            sendTogether(List.of(RequestEvents.resolvedEvent(a, 1.0, address, "de"),
                    RequestEvents.resolvedEvent(b, 1.0, address, "de"))); // throttled by A
            Db.await(() -> count("select count(*) from pg_stat_activity where wait_event_type = 'Lock' "
                    + "and query like 'insert into feedback_rollup%'"), n -> n > 0, "the batch waiting to count");
            erasure = RequestEvents.erased(p, "erased-" + UUID.randomUUID().toString().substring(0, 12));
            // Until it has committed or waits for the batch (the batch's statements give up after lock_timeout, 3 s).
            awaitBriefly(() -> applied(erasure) || count("select count(*) from pg_locks where locktype = 'advisory' "
                    + "and not granted") > 0);
        }
        Db.await(() -> applied(erasure), applied -> applied, "the erasure applied");
        Db.awaitSnapshot(b.id(), s -> "RESOLVED".equals(s.status));

        assertNothingOfThePersonAfterTheErasure(p, address);
    }

    /**
     * The reverse order: the erasure has been applied when a batch brings resolutions of the person published before it
     * (hr.requests may lag behind hr.people). They must neither invite the person nor mail their old address.
     */
    @Test
    void resolutionsOfAnErasedPersonConsumedAfterTheErasureMailNobody() {
        String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
        String p = "emp-erased-" + UUID.randomUUID();
        String address = p + "@hrloop.test";
        knownAddress(p, address);
        String erasure = RequestEvents.erased(p, "erased-" + UUID.randomUUID().toString().substring(0, 12));
        Db.await(() -> applied(erasure), applied -> applied, "the erasure applied");
        Request a = Request.of("payroll-query", team, p);
        Request b = Request.of("leave-request", team, p);

        sendTogether(List.of(RequestEvents.resolvedEvent(a, 1.0, address, "de"),
                RequestEvents.resolvedEvent(b, 1.0, address, "de")));
        Db.awaitSnapshot(b.id(), s -> "RESOLVED".equals(s.status));

        assertNothingOfThePersonAfterTheErasure(p, address);
        assertEquals(List.of(), Mailbox.of(address).messages(), "no mail to the erased person's old address");
    }

    /**
     * No invitation names the person and none of theirs can still be answered, their address is gone, and any survey
     * mail that reached it links to a survey that no longer opens (it went before the erasure, which ended it).
     */
    private static void assertNothingOfThePersonAfterTheErasure(String person, String address) {
        Db.await(() -> count("select count(*) from mail_outbox where recipient = ?1", address), n -> n == 0,
                "no mail to the address waiting");
        assertEquals(0L, count("select count(*) from survey_invitation where person_id = ?1", person),
                "no invitation carries the erased person's identity");
        assertEquals(0L, count("select count(*) from person_contact where person_id = ?1 or email = ?2", person, address),
                "no contact entry of the erased person");
        assertEquals(List.of(), Anonymity.columnsMentioning(person), "no column names the erased person");
        for (Mailbox.Message mail : Mailbox.of(address).messages()) {
            Matcher link = LINK.matcher(mail.text());
            assertTrue(link.find(), mail.text());
            given().when().get("/api/v1/surveys/" + link.group(1)).then().statusCode(404);
        }
    }

    /** The person's token has shown their address (as signing in does): their contact entry holds it. */
    private static void knownAddress(String person, String address) {
        given().auth().oauth2(Tokens.withEmail(person, null, address, "de", "employee")).when().get("/api/v1/surveys")
                .then().statusCode(200);
        Db.await(() -> count("select count(*) from person_contact where person_id = ?1 and email = ?2", person, address),
                n -> n == 1, "the address known");
    }

    private static boolean applied(String eventId) {
        return count("select count(*) from inbox_event where event_id = ?1", eventId) > 0;
    }

    private static void awaitBriefly(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMillis(2_500).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** A row locked by a transaction of the test's own until closed: whoever writes it waits. */
    private static final class HeldRow implements AutoCloseable {
        private final CountDownLatch release = new CountDownLatch(1);
        private final CompletableFuture<Void> holder;

        private HeldRow(String sql, Object parameter) throws Exception {
            CountDownLatch locked = new CountDownLatch(1);
            holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
                List<?> rows = Arc.container().instance(EntityManager.class).get().createNativeQuery(sql)
                        .setParameter(1, parameter).getResultList();
                assertEquals(1, rows.size(), "the row to hold exists");
                locked.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            if (!locked.await(10, TimeUnit.SECONDS)) {
                holder.join(); // its failure
                throw new IllegalStateException("row not locked");
            }
        }

        static HeldRow lock(String sql, Object parameter) throws Exception {
            return new HeldRow(sql, parameter);
        }

        @Override
        public void close() {
            release.countDown();
            holder.join();
        }
    }

    private RequestResolved resolution(Request request) throws Exception {
        return mapper.treeToValue(RequestEvents.resolvedEvent(request, 1.0, null, null).get("data"), RequestResolved.class);
    }

    private static void sendTogether(List<ObjectNode> events) {
        String key = UUID.randomUUID().toString();
        for (ObjectNode event : events) {
            producer.send(new ProducerRecord<>("hr.requests", key, event.toString()));
        }
        producer.flush();
    }

    private static Map<String, String> invitations(String person) {
        return Db.rows("select request_id, status from survey_invitation where person_id = ?1", person).stream()
                .collect(Collectors.toMap(row -> row[0].toString(), row -> (String) row[1]));
    }

    private static long invitationsCounted(String team) {
        return count("select coalesce(sum(invitations), 0) from feedback_rollup where grain = 'DAY' and dimension = 'TEAM' "
                + "and dimension_key = ?1", team);
    }

    private static long count(String sql, Object... parameters) {
        return ((Number) Db.single(sql, parameters)).longValue();
    }
}
