package io.hrloop.improvement.service;

import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.item;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.improvement.Fixtures;
import io.hrloop.improvement.domain.AreaCentre;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.Tokens;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Erasure reaches every free text the person wrote here (excerpts of their signed feedback and the vectors embedded
 * from them, their comments on items, stored responses) and their id everywhere; counts and scores stay; a second
 * erasure changes nothing. Proven by searching every text and binary column of every table of the database.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class ErasureTest {

    @Test
    void nothingThePersonWroteAndNoTraceOfTheirIdIsLeftAndTheCountsSurvive() {
        String area = area();
        String person = "emp-erase-" + UUID.randomUUID();
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        // the person complains (signed), and as an HR agent of another team also owns, comments and writes a lesson
        feedback(area).csat(1).themes("outcome").person(person)
                .comment("My overtime is missing from my payslip again, ask " + marker).send();
        feedback(area).csat(2).themes("outcome").comment("My overtime is missing from my payslip.").send();
        String id = (String) awaitItems(area, l -> Fixtures.totalEvidence(l) == 2).getFirst().get("id");
        String token = Tokens.of(person, "benefits", "hr-agent");
        given().auth().oauth2(hr()).contentType(ContentType.JSON).body("{\"owner\":\"" + person + "\"}")
                .post("/api/v1/improvements/" + id + "/assignment").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).header("Idempotency-Key", "c-" + marker.hashCode())
                .body("{\"body\":\"Payroll confirmed it, " + marker + "\"}")
                .post("/api/v1/improvements/" + id + "/comments").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"kind\":\"LESSON\",\"title\":\"Check overtime twice\",\"body\":\"Reconcile timesheets.\"}")
                .post("/api/v1/improvements/" + id + "/lessons").then().statusCode(201);
        assertEquals(List.of("idempotency_record.body", "improvement_comment.body", "improvement_evidence.excerpt"),
                matches(marker), "the marker is where the test put it");
        JsonPath before = item(id);
        UUID itemId = UUID.fromString(id);
        long profileCount = profileCount(itemId);
        long centreCount = centreCount(area);

        String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.erased(person, pseudonym);
        Fixtures.await(() -> matches(person), List::isEmpty);
        awaitOutboxDrained();
        List<String> columns = new ArrayList<>();
        assertEquals(List.of(), matches(marker, columns), "marker text left after erasure");
        assertEquals(List.of(), matches(person, columns), "the person's id left after erasure");
        System.out.printf("Erasure: searched %d columns of %d tables for the person's id and marker text: 0 rows%n",
                columns.size(), columns.stream().map(c -> c.substring(0, c.indexOf('.'))).distinct().count());

        JsonPath after = item(id);
        assertEquals(before.getInt("evidenceCount"), after.getInt("evidenceCount"));
        assertEquals(before.getInt("distinctPeople"), after.getInt("distinctPeople"));
        assertEquals(before.getDouble("impactScore"), after.getDouble("impactScore"));
        assertEquals(before.getLong("version"), after.getLong("version"), "bookkeeping: the ETag stays");
        assertEquals(profileCount - 1, profileCount(itemId), "the vector of the erased excerpt left the profile");
        assertEquals(centreCount - 1, centreCount(area), "and the area's centre");
        Map<String, Object> lesson = given().auth().oauth2(hr()).when().get("/api/v1/improvements/" + id + "/lessons")
                .then().statusCode(200).extract().jsonPath().getMap("items[0]");
        assertEquals("Reconcile timesheets.", lesson.get("body"), "lessons are HR's knowledge: the text stays");
        assertEquals(pseudonym, lesson.get("author"));

        // a repeated erasure changes nothing
        String snapshot = snapshot(itemId);
        long erasures = erasuresProcessed();
        Fixtures.erased(person, pseudonym);
        Fixtures.erased(person, "erased-again");
        Fixtures.await(ErasureTest::erasuresProcessed, n -> n >= erasures + 2);
        assertEquals(snapshot, snapshot(itemId));
        assertNull(QuarkusTransaction.requiringNew().call(() -> Evidence.<Evidence>list("itemId", itemId).stream()
                .filter(e -> pseudonym.equals(e.personId)).findFirst().orElseThrow().excerpt));
    }

    /**
     * The reverse order: the person's feedback is consumed after their erasure (hr.feedback lagging behind hr.people).
     * It still counts, as evidence of the pseudonym, and quotes nothing of theirs, as the erasure left their other
     * feedback: no excerpt, no vector in the item's profile or the area's centre.
     */
    @Test
    void feedbackOfAnErasedPersonConsumedAfterTheErasureNamesNobody() {
        String area = area();
        String person = "emp-erase-late-" + UUID.randomUUID();
        String marker = "mk" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String pseudonym = "erased-" + UUID.randomUUID().toString().substring(0, 8);
        Fixtures.erased(person, pseudonym);
        Fixtures.await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from erased_person where pseudonym = ?1").setParameter(1, pseudonym)
                .getSingleResult()).longValue()), n -> n == 1);

        feedback(area).csat(1).themes("outcome").person(person)
                .comment("My overtime is missing from my payslip again, ask " + marker).send();
        String id = (String) awaitItems(area, l -> Fixtures.totalEvidence(l) == 1).getFirst().get("id");

        assertEquals(List.of(), matches(marker), "the erased person's comment is quoted nowhere");
        assertEquals(List.of(), matches(person), "the erased person's id is nowhere");
        Evidence evidence = QuarkusTransaction.requiringNew().call(() -> Evidence.<Evidence>list("itemId",
                UUID.fromString(id)).getFirst());
        assertEquals(pseudonym, evidence.personId, "the evidence counts under the pseudonym");
        assertNull(evidence.excerpt);
        assertNull(QuarkusTransaction.requiringNew().call(() -> AreaCentre.findById(area)),
                "no vector of their comment in the area's centre");
        assertEquals(1, item(id).getInt("distinctPeople"));
    }

    /** Every text and binary column of every table in which {@code text} occurs: "table.column". */
    static List<String> matches(String text) {
        return matches(text, new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    static List<String> matches(String text, List<String> searched) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var em = Panache.getEntityManager();
            List<Object[]> columns = em.createNativeQuery("select table_name, column_name, data_type"
                    + " from information_schema.columns where table_schema = current_schema()"
                    + " and data_type in ('text', 'character varying', 'character', 'bytea', 'tsvector', 'jsonb', 'json')"
                    + " order by table_name, column_name").getResultList();
            searched.clear();
            List<String> found = new ArrayList<>();
            for (Object[] c : columns) {
                String column = "\"" + c[1] + "\"";
                String condition = switch ((String) c[2]) {
                    case "bytea" -> "position(convert_to(?1, 'UTF8') in " + column + ") > 0";
                    default -> "position(lower(?1) in lower(" + column + "::text)) > 0";
                };
                searched.add(c[0] + "." + c[1]);
                Number n = (Number) em.createNativeQuery("select count(*) from \"" + c[0] + "\" where " + condition)
                        .setParameter(1, text).getSingleResult();
                if (n.longValue() > 0) {
                    found.add(c[0] + "." + c[1]);
                }
            }
            return found;
        });
    }

    private static long erasuresProcessed() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from inbox_event where event_type = 'hr.person.erased'")
                .getSingleResult()).longValue());
    }

    private static void awaitOutboxDrained() {
        Fixtures.await(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) Panache.getEntityManager()
                .createNativeQuery("select count(*) from outbox_event where parked_at is null").getSingleResult())
                .longValue()), n -> n == 0);
    }

    private static long profileCount(UUID itemId) {
        return QuarkusTransaction.requiringNew().call(() -> io.hrloop.text.EvidenceProfile.fromBytes(
                ImprovementItem.<ImprovementItem>findById(itemId).evidenceProfile).count());
    }

    private static long centreCount(String area) {
        return QuarkusTransaction.requiringNew().call(() -> AreaCentre.<AreaCentre>findById(area).mean().count());
    }

    private static String snapshot(UUID itemId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImprovementItem item = ImprovementItem.findById(itemId);
            StringBuilder out = new StringBuilder(item.version + "|" + item.owner + "|" + item.impactScore + "|"
                    + java.util.Arrays.hashCode(item.evidenceProfile));
            Evidence.<Evidence>list("itemId = ?1 order by sourceId", itemId)
                    .forEach(e -> out.append('|').append(e.personId).append(e.excerpt));
            return out.toString();
        });
    }
}
