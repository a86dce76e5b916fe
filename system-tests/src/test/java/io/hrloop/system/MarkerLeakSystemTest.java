package io.hrloop.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.Tokens;

/**
 * What people tell HR stays where it belongs, over the three deployed services: marker text written into an
 * employee-relations case (its subject, description, comments and signed feedback: marker A) and as anonymous
 * feedback about that case's type (marker B) never appears in any answer of any GET operation of any service to
 * another employee, a manager, the operator or an hr-agent or hr-lead of another team, and appears on the topics
 * only in events that say {@code confidential: true}. Anonymous feedback about an ordinary type (marker C), whose
 * improvement item is implemented and so shown to everyone, never reaches an employee, a manager or the operator.
 */
class MarkerLeakSystemTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String ER_TYPE = "er-concern-" + SUFFIX;
    private static final String ER_TEAM = "er-" + SUFFIX;
    private static final String OPEN_TYPE = "leak-query-" + SUFFIX;
    private static final String OPEN_TEAM = "payroll-" + SUFFIX;
    private static final List<String> TOPICS = List.of("hr.requests", "hr.feedback", "hr.improvements", "hr.people",
            "hr.dlq.request-service", "hr.dlq.feedback-service", "hr.dlq.improvement-service");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Catalogue.ensureRequestType(suite.request.baseUrl(), ER_TYPE, ER_TEAM, 1.0, "employee-relations", true);
        Catalogue.ensureRequestType(suite.request.baseUrl(), OPEN_TYPE, OPEN_TEAM, 1.0, "payroll", false);
    }

    @Test
    void markersReachNoEmployeeNoOtherTeamAndNoUnflaggedEvent() throws Exception {
        String markerA = "LeakMarkerA" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String markerB = "LeakMarkerB" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String markerC = "LeakMarkerC" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String requester = "emp-leak-" + UUID.randomUUID();
        String specialist = "er-leak-" + SUFFIX;
        String openLead = "lead-leak-" + SUFFIX;
        Hr.staff(suite, specialist, ER_TEAM, "er-specialist");
        String er = Tokens.of(specialist, ER_TEAM, "er-specialist");

        List<EventProbe> probes = new ArrayList<>();
        TOPICS.forEach(topic -> probes.add(EventProbe.at(topic)));
        try {
            // A: an employee-relations case, its conversation, its resolution and the requester's feedback on it.
            String caseId = Hr.submit(suite, requester, ER_TYPE, "My manager " + markerA,
                    "Since March my manager " + markerA + " shouts at me in meetings.");
            Hr.comment(suite, Tokens.employee(requester), caseId, "It happened again today " + markerA, "PUBLIC");
            Hr.comment(suite, er, caseId, "Interviewed two witnesses " + markerA, "INTERNAL");
            Hr.resolve(suite, er, specialist, caseId);
            Hr.feedback(suite, requester, ER_TYPE, 1, "Nobody took my case " + markerA + " seriously, it took weeks.", false);
            // B: anonymous feedback about the same confidential type; C: anonymous feedback about an ordinary type.
            Hr.feedback(suite, "emp-leak-anon-" + UUID.randomUUID(), ER_TYPE, 1,
                    "The investigation " + markerB + " was handled badly and slowly.", true);
            Hr.feedback(suite, "emp-leak-anon-" + UUID.randomUUID(), OPEN_TYPE, 1,
                    "Nobody replied for weeks, far too slow " + markerC + ".", true);

            // The release batch brings the anonymous pieces into sight; all three become improvement evidence.
            List<String> feedbackIds = Hr.await("three released pieces of feedback", Duration.ofSeconds(90), () -> {
                List<String> ids = Databases.strings("feedback", "select id::text from feedback where released and "
                        + "(strpos(comment, ?) > 0 or strpos(comment, ?) > 0 or strpos(comment, ?) > 0)", markerA, markerB,
                        markerC);
                return ids.size() == 3 ? ids : null;
            });
            List<String> itemIds = Hr.await("evidence of all three", Duration.ofSeconds(90), () -> {
                List<String> items = Databases.strings("improvement", "select item_id::text from improvement_evidence "
                        + "where source_id = any(string_to_array(?, ','))", String.join(",", feedbackIds));
                return items.size() == 3 ? items.stream().distinct().toList() : null;
            });
            // C's item is implemented: from then on every employee reads it.
            String openItem = itemOf(feedbackIds, markerC);
            Hr.implement(suite, Tokens.of(openLead, OPEN_TEAM, "hr-lead", "hr-agent"), openItem);

            // Every GET of every service, as another employee and as HR of another team.
            String otherTeam = "other-" + SUFFIX;
            Map<String, String> strangers = new LinkedHashMap<>();
            strangers.put("employee", Tokens.employee("emp-leak-bystander-" + SUFFIX));
            strangers.put("hr-agent of another team", Tokens.of("agent-leak-" + SUFFIX, otherTeam, "hr-agent"));
            strangers.put("hr-lead of another team", Tokens.of("lead-leak-" + SUFFIX, otherTeam, "hr-lead", "hr-agent"));
            // Stricter than asked: a manager and the platform operator, who read no one's free text either.
            Map<String, String> outsideHr = new LinkedHashMap<>();
            outsideHr.put("employee", strangers.get("employee"));
            outsideHr.put("manager", Tokens.of("mgr-leak-" + SUFFIX, null, "manager", "employee"));
            outsideHr.put("operator", Tokens.of("ops-leak-" + SUFFIX, null, "operator"));
            strangers.putAll(outsideHr);
            GetSweep sweep = new GetSweep(ids(caseId, feedbackIds, itemIds, requester, specialist), queryValues());
            for (ServiceUrl service : services()) {
                sweep.sweep(service.url(), strangers, List.of(markerA, markerB));
                sweep.sweep(service.url(), outsideHr, List.of(markerC));
            }

            // The control: the case's specialist and HR of the ordinary type's team do find what they may read.
            GetSweep control = new GetSweep(ids(caseId, feedbackIds, itemIds, requester, specialist), queryValues());
            for (ServiceUrl service : services()) {
                control.sweep(service.url(), Map.of("er-specialist", er), List.of(markerA, markerB));
                control.sweep(service.url(), Map.of("hr-lead of the team", Tokens.of(openLead, OPEN_TEAM, "hr-lead",
                        "hr-agent")), List.of(markerC));
            }
            List<String> found = control.leaks.stream().map(GetSweep.Leak::marker).distinct().sorted().toList();
            assertEquals(List.of(markerA, markerB, markerC), found, "the sweep sees the markers where they may be read");
            Hr.as(suite.improvement.baseUrl(), strangers.get("employee")).get("/api/v1/improvements/" + openItem).then()
                    .statusCode(200);

            // Every event on every topic since the probes opened.
            int events = 0;
            int flagged = 0;
            List<String> unflagged = new ArrayList<>();
            for (EventProbe probe : probes) {
                probe.drain(Duration.ofSeconds(3), e -> false);
                for (ConsumerRecord<String, String> record : probe.records()) {
                    events++;
                    String value = record.value();
                    if (value.contains(markerA) || value.contains(markerB)) {
                        JsonNode data = MAPPER.readTree(value).path("data");
                        if (data.path("confidential").asBoolean(false)) {
                            flagged++;
                        } else {
                            unflagged.add(record.topic() + ": " + value);
                        }
                    }
                }
            }
            System.out.printf("[hrloop-system] marker leaks: %d GET operations of 3 services, %d calls as an employee, a "
                    + "manager, an operator and HR of another team (answers %s; ids: 1 request, %d feedback, %d items), "
                    + "%d events read on %d topics (%d flagged confidential carry a marker); leaks: %d in answers, %d in "
                    + "unflagged events (control: the specialist and the owning team found the markers in %d answers)%n",
                    sweep.operations / 2, sweep.calls, sweep.statuses, feedbackIds.size(), itemIds.size(), events, TOPICS.size(), flagged,
                    sweep.leaks.size(), unflagged.size(), control.leaks.size());
            sweep.leaks.forEach(leak -> System.out.println("[hrloop-system]   LEAK " + leak));
            unflagged.forEach(event -> System.out.println("[hrloop-system]   LEAK event " + event));
            assertEquals(List.of(), sweep.leaks, "markers in answers to people who may not read them");
            assertEquals(List.of(), unflagged, "markers in events that do not say confidential");
            assertTrue(sweep.calls > 100, "the sweep called the services");
            assertTrue(events > 0, "the events were read");
        } finally {
            probes.forEach(EventProbe::close);
        }
    }

    private static String itemOf(List<String> feedbackIds, String marker) {
        List<String> feedback = Databases.strings("feedback", "select id::text from feedback where strpos(comment, ?) > 0",
                marker);
        assertEquals(1, feedback.size());
        assertTrue(feedbackIds.contains(feedback.get(0)));
        return Databases.strings("improvement", "select item_id::text from improvement_evidence where source_id = ?",
                feedback.get(0)).get(0);
    }

    /** Path ids by the segment before them: what the test wrote, and what the services made of it. */
    private static Map<String, List<String>> ids(String caseId, List<String> feedbackIds, List<String> itemIds,
            String requester, String specialist) {
        Map<String, List<String>> ids = GetSweep.ids();
        ids.put("requests", List.of(caseId));
        ids.put("feedback", feedbackIds);
        ids.put("improvements", itemIds);
        String items = String.join(",", itemIds);
        ids.put("comments", Databases.strings("improvement",
                "select id::text from improvement_comment where item_id::text = any(string_to_array(?, ','))", items));
        ids.put("knowledge", Databases.strings("improvement",
                "select id::text from improvement_lesson where item_id::text = any(string_to_array(?, ','))", items));
        ids.put("follow-ups", Databases.strings("feedback",
                "select id::text from follow_up where feedback_id::text = any(string_to_array(?, ','))",
                String.join(",", feedbackIds)));
        ids.put("surveys", Databases.strings("feedback", "select token from survey_invitation where request_id = ?::uuid",
                caseId));
        ids.put("dead-letters", List.of(UUID.randomUUID().toString()));
        ids.put("request-types", List.of(ER_TYPE, OPEN_TYPE));
        ids.put("calendars", List.of("system-week"));
        ids.put("staff", List.of(requester, specialist));
        ids.put("people", List.of(requester));
        return ids;
    }

    private static Map<String, String> queryValues() {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        return Map.of("q", "investigation", "type", ER_TYPE, "from", LocalDate.now(ZoneOffset.UTC).minusDays(30).toString(),
                "to", today);
    }

    record ServiceUrl(String name, String url) {
    }

    private static List<ServiceUrl> services() {
        return List.of(new ServiceUrl("request", suite.request.baseUrl()), new ServiceUrl("feedback", suite.feedback.baseUrl()),
                new ServiceUrl("improvement", suite.improvement.baseUrl()));
    }
}
