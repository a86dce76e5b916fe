package io.hrloop.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.testsupport.Tokens;

/**
 * Erasure leaves nothing, over the three deployed services: a person writes marker text wherever they can (a
 * request's subject and description, a comment, a survey answer, signed unsolicited feedback, all sent with an
 * Idempotency-Key), the loop turns it into improvement evidence, a lead follows the survey answer up with a note
 * about them, the item is implemented and the person notified, an hr-admin erases them in request-service, and
 * {@code hr.person.erased} carries it on. Then no text, JSON, array or binary column of any table of any service's
 * database holds the person's id or the marker, while the counts stay.
 */
class ErasureSystemTest {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String TYPE = "erase-query-" + SUFFIX;
    private static final String TEAM = "payroll-erase-" + SUFFIX;
    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Catalogue.ensureRequestType(suite.request.baseUrl(), TYPE, TEAM, 1.0);
    }

    @Test
    void anErasedPersonLeavesNeitherIdNorWordsInAnyTableOfAnyService() throws Exception {
        String person = "emp-erase-" + UUID.randomUUID();
        String marker = "EraseMarker" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String agentId = "agent-erase-" + SUFFIX;
        Hr.staff(suite, agentId, TEAM, "hr-agent");
        String agent = Tokens.of(agentId, TEAM, "hr-agent");

        String requestId = Hr.submit(suite, person, TYPE, "Overtime missing " + marker,
                "My October overtime " + marker + " is not on the payslip.");
        Hr.comment(suite, Tokens.employee(person), requestId, "It was 12 hours " + marker, "PUBLIC");
        Hr.comment(suite, agent, requestId, "Checking with payroll", "PUBLIC");
        Hr.resolve(suite, agent, agentId, requestId);
        Hr.answerSurvey(suite, person, 1, "It took weeks and nobody replied " + marker + ".");
        Hr.feedback(suite, person, TYPE, 1, "Far too slow, I waited weeks " + marker + ".", false);

        // The loop: both pieces become evidence of an improvement item (and the survey answer opens a follow-up).
        Hr.await("the person's evidence in improvement-service", Duration.ofSeconds(90), () ->
                Databases.strings("improvement", "select id::text from improvement_evidence where person_id = ?", person)
                        .size() == 2 ? true : null);
        // A lead follows up the survey answer and notes what was done; the item is implemented and the person told.
        String lead = Tokens.of("lead-erase-" + SUFFIX, TEAM, "hr-lead", "hr-agent");
        String followUp = Hr.await("the follow-up", Duration.ofSeconds(60), () -> Databases.strings("feedback",
                "select id::text from follow_up where person_id = ?", person).stream().findFirst().orElse(null));
        for (String step : List.of("claim", "close")) {
            String etag = Hr.as(suite.feedback.baseUrl(), lead).get("/api/v1/follow-ups/" + followUp).then().statusCode(200)
                    .extract().header("ETag");
            Hr.as(suite.feedback.baseUrl(), lead).header("If-Match", etag)
                    .body(step.equals("claim") ? Map.of() : Map.of("outcome", "RECOVERED", "note",
                            "Called " + person + " about " + marker + ", paid this month."))
                    .post("/api/v1/follow-ups/" + followUp + "/" + step).then().statusCode(200);
        }
        String item = Databases.strings("improvement", "select item_id::text from improvement_evidence where person_id = ?",
                person).get(0);
        Hr.implement(suite, lead, item);
        Hr.await("the person's notification", Duration.ofSeconds(60), () -> Databases.strings("feedback",
                "select id::text from notification where person_id = ?", person).isEmpty() ? null : true);

        long feedbackRows = Flow.count("feedback", "select count(*) from feedback where request_type = '" + TYPE + "'");
        long evidenceRows = Flow.count("improvement", "select count(*) from improvement_evidence e join improvement_item i "
                + "on i.id = e.item_id where i.area = '" + TYPE + "'");
        long requests = Flow.count("request", "select count(*) from hr_request where type_key = '" + TYPE + "'");
        List<Databases.Column> columns = Databases.textColumns();
        Map<String, Long> before = new TreeMap<>(Databases.occurrences(columns, marker));
        Databases.occurrences(columns, person).forEach((column, rows) -> before.merge(column, rows, Long::sum));
        assertTrue(before.size() >= 10, "the person and their words were in many places: " + before);

        String pseudonym = Hr.as(suite.request.baseUrl(), Hr.admin()).delete("/api/v1/people/" + person).then()
                .statusCode(200).extract().path("pseudonym");

        Map<String, Long> left = new TreeMap<>();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        do {
            left.clear();
            Databases.occurrences(columns, person).forEach((column, rows) -> left.merge(column + " (id)", rows, Long::sum));
            Databases.occurrences(columns, marker).forEach((column, rows) -> left.merge(column + " (marker)", rows, Long::sum));
            if (left.isEmpty()) {
                break;
            }
            Flow.sleep(1_000);
        } while (Instant.now().isBefore(deadline));
        Map<String, List<String>> searched = new TreeMap<>();
        columns.forEach(c -> searched.computeIfAbsent(c.database() + "." + c.table(), t -> new java.util.ArrayList<>())
                .add(c.column()));
        System.out.printf("[hrloop-system] erasure: searched %d tables (%d with text columns), %d text/json/array/bytea "
                + "columns in 3 databases for the person id and the marker: %d rows in %d columns before the erasure, "
                + "%d rows left%n", Databases.tables(), searched.size(), columns.size(),
                before.values().stream().mapToLong(Long::longValue).sum(), before.size(),
                left.values().stream().mapToLong(Long::longValue).sum());
        System.out.println("[hrloop-system]   before: " + before);
        searched.forEach((table, names) -> System.out.printf("[hrloop-system]   %s: %s%n", table, names));
        assertEquals(Map.of(), left, "rows still holding the erased person's id or words");

        assertEquals(feedbackRows, Flow.count("feedback", "select count(*) from feedback where request_type = '" + TYPE + "'"));
        assertEquals(evidenceRows, Flow.count("improvement", "select count(*) from improvement_evidence e join "
                + "improvement_item i on i.id = e.item_id where i.area = '" + TYPE + "'"));
        assertEquals(requests, Flow.count("request", "select count(*) from hr_request where type_key = '" + TYPE + "'"));
        assertEquals(2, Databases.strings("improvement", "select id::text from improvement_evidence where person_id = ?",
                pseudonym).size(), "the evidence stays, under the pseudonym");
    }
}
