package io.hrloop.feedback.api;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.feedback.domain.RequestSnapshot;
import io.hrloop.feedback.support.Db;
import io.hrloop.feedback.support.Release;
import io.hrloop.feedback.support.RequestEvents;
import io.hrloop.feedback.support.RequestEvents.Request;
import io.hrloop.feedback.support.Surveys;
import io.hrloop.feedback.support.TimeTravel;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Erasure in feedback-service: after hr.person.erased no table and no text column holds the person's id or any text
 * they wrote or that is about them (their anonymous feedback excepted: nothing ties it to them); counts and rollups
 * stay, and a repeated erasure changes nothing.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ErasureTest {

    private static final List<String> TABLES = List.of("feedback", "survey_invitation", "follow_up", "notification",
            "person_contact",
            "request_snapshot", "feedback_rollup", "idempotency_record", "anonymous_submission", "improvement_link");

    @Test
    void noTableKeepsThePersonOrWhatTheyWroteAndASecondErasureChangesNothing() {
        String person = "emp-erase-" + UUID.randomUUID();
        String marker = "Qx" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String team = "team-" + UUID.randomUUID();
        String lead = Tokens.of("lead-" + UUID.randomUUID(), team, "hr-lead");

        // Their request, resolved and surveyed; a poor answer opens a follow-up the lead closes with a note about them.
        // Their address carries the marker: it arrives with the resolution and from their token, and goes too.
        String address = marker + ".me@hrloop.test";
        Request first = Request.of("payroll-query", team, person);
        RequestEvents.send("hr.requests", first.id().toString(), RequestEvents.resolvedEvent(new Request(first.id(),
                first.reference(), first.type(), team, person, "My pay slip " + marker + " is wrong"), 1.0, address, "de"));
        String surveyed = Surveys.answer(Surveys.awaitInvitation(person).path("token").asText(),
                "{\"csat\":1,\"comment\":\"I, " + marker + ", waited weeks.\"}");
        String followUp = Db.await(() -> (UUID) Db.single("select id from follow_up where feedback_id = ?1", UUID.fromString(surveyed)),
                id -> id != null, "follow-up opened").toString();
        given().auth().oauth2(lead).when().post("/api/v1/follow-ups/" + followUp + "/claim").then().statusCode(200);
        given().auth().oauth2(lead).contentType(ContentType.JSON)
                .body("{\"outcome\":\"RECOVERED\",\"note\":\"Called " + marker + " back, pay fixed.\"}")
                .when().post("/api/v1/follow-ups/" + followUp + "/close").then().statusCode(200);
        // A second request, resolved later: a pending invitation quoting its subject.
        TimeTravel.ageInvitations(person, 8);
        Request second = Request.of("leave-request", team, person);
        RequestEvents.resolved(new Request(second.id(), second.reference(), second.type(), team, person,
                "Leave " + marker + " request"), 1.0);
        Db.await(() -> ((Number) Db.single("select count(*) from survey_invitation where person_id = ?1 and status = 'PENDING'",
                person)).intValue(), n -> n == 1, "pending invitation");
        // Signed feedback with an Idempotency-Key (its stored response quotes them), and a notification.
        given().auth().oauth2(Tokens.withEmail(person, null, address, "de", "employee")).contentType(ContentType.JSON)
                .header("Idempotency-Key", "k-" + marker)
                .body("{\"subjectType\":\"GENERAL\",\"csat\":2,\"comment\":\"Signed by " + marker + ".\",\"anonymous\":false}")
                .when().post("/api/v1/feedback").then().statusCode(201);
        UUID improvement = UUID.randomUUID();
        RequestEvents.send("hr.improvements", improvement.toString(),
                RequestEvents.implemented(improvement, "Pay slips checked twice", List.of(surveyed)));
        Db.await(() -> ((Number) Db.single("select count(*) from notification where improvement_id = ?1", improvement)).intValue(),
                n -> n == 1, "notified");
        // Anonymous feedback of theirs: nothing ties it to them, so it stays.
        String anonymousText = "Anonymous " + UUID.randomUUID() + " about the canteen.";
        given().auth().oauth2(Tokens.employee(person)).contentType(ContentType.JSON)
                .body("{\"subjectType\":\"GENERAL\",\"csat\":3,\"comment\":\"" + anonymousText + "\",\"anonymous\":true}")
                .when().post("/api/v1/feedback").then().statusCode(201);
        Release.anonymousFeedback();
        List<Object[]> rollupsBefore = Db.rows("select grain, dimension, period_start, responses, csat_sum, invitations "
                + "from feedback_rollup where dimension_key like ?1 or dimension_key = ?2 order by 1, 2, 3", team + "%", team);

        String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 12);
        RequestEvents.erased(person, pseudonym);
        Db.await(() -> Anonymity.columnsMentioning(person), List::isEmpty, "no column names the person");
        assertEquals(List.of(), Anonymity.columnsMentioning(marker), "no column holds what they wrote or what is about them");
        assertEquals(1L, ((Number) Db.single("select count(*) from feedback where comment = ?1", anonymousText)).longValue(),
                "their anonymous feedback cannot be tied to them: it stays");
        assertEquals(rows(rollupsBefore), rows(Db.rows("select grain, dimension, period_start, responses, csat_sum, invitations "
                + "from feedback_rollup where dimension_key like ?1 or dimension_key = ?2 order by 1, 2, 3", team + "%", team)),
                "counts survive");

        Map<String, String> afterFirst = fingerprints();
        String again = RequestEvents.erased(person, pseudonym);
        Db.await(() -> ((Number) Db.single("select count(*) from inbox_event where event_id = ?1", again)).intValue(),
                n -> n > 0, "second erasure applied");
        assertEquals(afterFirst, fingerprints(), "a repeated erasure changes nothing");
    }

    /**
     * A token outlives the erasure (for up to its lifetime): a call with a token issued before it must not write the
     * person's address back (the erasure deleted their contact entry and forgot the sighting), while a token issued
     * after it is a new sign-in and is noted as usual.
     */
    @Test
    void aTokenIssuedBeforeTheErasureDoesNotBringTheirAddressBack() throws InterruptedException {
        String person = "emp-erase-token-" + UUID.randomUUID();
        String address = "t" + UUID.randomUUID().toString().substring(0, 8) + "@hrloop.test";
        String before = Tokens.withEmail(person, null, address, "de", "employee");
        given().auth().oauth2(before).when().get("/api/v1/surveys").then().statusCode(200);
        assertEquals(1L, contactsOf(person), "seen before the erasure");

        String erasure = RequestEvents.erased(person, "erased-" + UUID.randomUUID().toString().substring(0, 12));
        Db.await(() -> ((Number) Db.single("select count(*) from inbox_event where event_id = ?1", erasure)).intValue(),
                n -> n > 0, "erasure applied");
        assertEquals(0L, contactsOf(person), "the erasure deleted the entry");

        given().auth().oauth2(before).when().get("/api/v1/surveys").then().statusCode(200);
        assertEquals(0L, contactsOf(person), "the token issued before the erasure writes nothing");

        // iat is in whole seconds: a token issued in the erasure's second still counts as issued before it.
        long erasedAt = ((Number) Db.single("select cast(extract(epoch from erased_at) * 1000 as bigint)"
                + " from erased_person where person_key = ?1", ErasedPeople.key(person))).longValue();
        long wait = erasedAt + 1000 - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait + 50);
        }
        String after = Tokens.withEmail(person, null, address, "de", "employee");
        given().auth().oauth2(after).when().get("/api/v1/surveys").then().statusCode(200);
        assertEquals(1L, contactsOf(person), "a token issued after the erasure is a new sign-in");
        assertEquals(address, Db.single("select email from person_contact where person_id = ?1", person));
    }

    private static long contactsOf(String person) {
        return ((Number) Db.single("select count(*) from person_contact where person_id = ?1", person)).longValue();
    }

    /**
     * hr.requests lagging behind hr.people: events about a person erased before they were consumed leave what the
     * erasure would have left, their pseudonym as requester and no subject, whether the request is theirs or filed
     * on their behalf by someone else (who stays).
     */
    @Test
    void requestEventsAboutAPersonConsumedAfterTheirErasureKeepThePseudonymAndNoSubject() {
        String person = "emp-erase-late-" + UUID.randomUUID();
        String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 12);
        String marker = "Qy" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String team = "team-" + UUID.randomUUID();
        String erasure = RequestEvents.erased(person, pseudonym);
        Db.await(() -> ((Number) Db.single("select count(*) from inbox_event where event_id = ?1", erasure)).intValue(),
                n -> n > 0, "erasure applied");

        Request template = Request.of("payroll-query", team, person);
        Request theirs = new Request(template.id(), template.reference(), template.type(), team, person,
                "My pay slip " + marker + " is wrong");
        Request other = Request.of("leave-request", team, "emp-manager-" + UUID.randomUUID());
        Request forThem = new Request(other.id(), other.reference(), other.type(), team, other.requester(),
                "Leave for " + marker);
        ObjectNode onTheirBehalf = RequestEvents.resolvedEvent(forThem, 0.0, null, null);
        ((ObjectNode) onTheirBehalf.get("data")).put("onBehalfOf", person);
        RequestEvents.send("hr.requests", theirs.id().toString(), RequestEvents.resolvedEvent(theirs, 0.0, null, null));
        RequestEvents.send("hr.requests", forThem.id().toString(), onTheirBehalf);

        RequestSnapshot a = Db.awaitSnapshot(theirs.id(), s -> "RESOLVED".equals(s.status));
        RequestSnapshot b = Db.awaitSnapshot(forThem.id(), s -> "RESOLVED".equals(s.status));
        assertEquals(pseudonym, a.requester, "the first erasure's pseudonym");
        assertNull(a.subject);
        assertEquals(forThem.requester(), b.requester, "the one who filed for them stays");
        assertNull(b.subject, "a request about them loses its subject");
        assertEquals(List.of(), Anonymity.columnsMentioning(person), "no column names the person");
        assertEquals(List.of(), Anonymity.columnsMentioning(marker), "no column holds a subject about them");
    }

    /** A digest of every row of the tables erasure touches. */
    private static Map<String, String> fingerprints() {
        Map<String, String> digests = new TreeMap<>();
        for (String table : TABLES) {
            digests.put(table, (String) Db.single("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '') from "
                    + table + " t"));
        }
        return digests;
    }

    private static List<String> rows(List<Object[]> rows) {
        return rows.stream().map(java.util.Arrays::toString).toList();
    }
}
