package io.hrloop.feedback.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

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
import io.hrloop.testsupport.Topics;
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
    private static KafkaProducer<String, String> producer;

    @Inject
    SurveyService surveys;
    @Inject
    ObjectMapper mapper;

    @BeforeAll
    static void connect() {
        Topics.ensure("hr.requests", "hr.feedback");
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
