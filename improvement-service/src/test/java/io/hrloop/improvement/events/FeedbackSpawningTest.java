package io.hrloop.improvement.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.hrloop.improvement.Fixtures.area;
import static io.hrloop.improvement.Fixtures.awaitItems;
import static io.hrloop.improvement.Fixtures.employee;
import static io.hrloop.improvement.Fixtures.evidence;
import static io.hrloop.improvement.Fixtures.feedback;
import static io.hrloop.improvement.Fixtures.hr;
import static io.hrloop.improvement.Fixtures.item;
import static io.hrloop.improvement.Fixtures.items;
import static io.hrloop.improvement.Fixtures.totalEvidence;
import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.improvement.Fixtures;
import io.hrloop.testsupport.EventProbe;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Negative feedback from hr.feedback.received becomes evidence of one open item per gap: a comment joins the item
 * whose evidence means the same (a shared theme is not enough), feedback without a comment the item sharing its theme.
 */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class FeedbackSpawningTest {

    @Test
    void negativeFeedbackOpensAnItemAndSimilarFeedbackOfASecondPersonEnrichesIt() {
        String area = area();
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            Fixtures.Feedback first = feedback(area).csat(1).sentiment(-0.7).frustrated().themes("speed")
                    .comment("It took far too long to get an answer.").send();
            Map<String, Object> created = awaitItems(area, l -> l.size() == 1).getFirst();
            String id = (String) created.get("id");
            assertEquals("PROPOSED", created.get("status"));
            assertEquals("FEEDBACK", created.get("origin"));
            assertEquals(List.of("speed"), created.get("themes"));
            assertEquals(1, created.get("distinctPeople"));

            // Worded differently, classified with another theme: joins by meaning.
            Fixtures.Feedback second = feedback(area).csat(2).sentiment(-0.4).themes("communication")
                    .comment("It took weeks to get any answer at all.").send();
            List<Map<String, Object>> after = awaitItems(area, l -> totalEvidence(l) == 2);
            assertEquals(1, after.size(), "one open item for one gap");
            assertEquals(2, after.getFirst().get("distinctPeople"));
            assertEquals(2, after.getFirst().get("evidenceCount"));
            assertTrue(((Number) after.getFirst().get("impactScore")).doubleValue()
                    > ((Number) created.get("impactScore")).doubleValue());

            List<Map<String, Object>> evidence = evidence(id, hr());
            assertEquals(2, evidence.size());
            Map<String, Object> firstEvidence = evidence.stream()
                    .filter(e -> e.get("sourceId").equals(first.id())).findFirst().orElseThrow();
            assertEquals(first.personId(), firstEvidence.get("personId"));
            assertEquals(1, firstEvidence.get("csat"));
            assertEquals("It took far too long to get an answer.", firstEvidence.get("excerpt"));
            assertEquals(List.of("speed"), firstEvidence.get("themes"));
            assertEquals("HR-000123", firstEvidence.get("reference"));

            List<JsonNode> events = probe.await(3, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            assertEquals(List.of("hr.improvement.created", "hr.improvement.evidence-added",
                    "hr.improvement.evidence-added"), events.stream().map(e -> e.path("type").asText()).toList());
            assertEquals("FEEDBACK", events.getFirst().path("data").path("origin").asText());
            assertEquals(second.id(), events.get(2).path("data").path("evidence").path("sourceId").asText());
            assertEquals(2, events.get(2).path("data").path("distinctPeople").asInt());
            for (JsonNode event : events) {
                EventCatalog type = EventCatalog.byType(event.path("type").asText()).orElseThrow();
                assertEquals(List.of(), EventSchemas.violations(type, event.path("data")));
            }
        }
    }

    @Test
    void anUnrelatedComplaintOpensAnItemOfItsOwnAndPositiveFeedbackNone() {
        String area = area();
        feedback(area).csat(1).themes("speed").comment("It took far too long to get an answer.").send();
        awaitItems(area, l -> l.size() == 1);
        feedback(area).csat(5).nps(10).sentiment(0.8).themes("speed").comment("Quick and kind").send();
        feedback(area).csat(3).nps(7).sentiment(-0.1).themes("outcome").comment("It was fine I guess").send();
        feedback(area).nps(3).sentiment(-0.5).themes("respect").comment("The agent was rude and dismissive").send();
        List<Map<String, Object>> all = awaitItems(area, l -> l.size() == 2);
        assertEquals(List.of(1, 1), all.stream().map(i -> i.get("evidenceCount")).toList(),
                "the positive and the neutral feedback are not evidence");
        assertTrue(all.stream().anyMatch(i -> i.get("themes").equals(List.of("respect"))));
    }

    @Test
    void withoutACommentTheSameThemeJoinsAndTheSameFeedbackIsCountedOnce() {
        String area = area();
        String person = "emp-repeat-" + area;
        Fixtures.Feedback once = feedback(area).csat(2).themes("process").person(person).send();
        awaitItems(area, l -> l.size() == 1);
        // the same feedback announced again under a new event id, and a second complaint of the same person
        Fixtures.send("hr.feedback", once.id(), once.event());
        feedback(area).sentiment(-0.9).themes("process", "policy").person(person).send();
        List<Map<String, Object>> after = awaitItems(area, l -> totalEvidence(l) == 2);
        assertEquals(1, after.size());
        assertEquals(1, after.getFirst().get("distinctPeople"), "one person, twice");
        // and give the duplicate time to be (not) applied
        feedback(area).csat(1).themes("process").send();
        assertEquals(3, totalEvidence(awaitItems(area, l -> totalEvidence(l) >= 3)));
        assertEquals(1, items(area).size());
    }

    @Test
    void aSharedThemeAloneDoesNotGroupComplaintsThatMeanDifferentThings() {
        String area = area();
        feedback(area).csat(1).themes("outcome").comment("My tax code is wrong and I'm paying far too much tax.").send();
        awaitItems(area, l -> l.size() == 1);
        feedback(area).csat(1).themes("outcome").comment("My pension contribution was deducted twice this month.")
                .send();
        List<Map<String, Object>> two = awaitItems(area, l -> totalEvidence(l) == 2);
        assertEquals(2, two.size(), "two gaps of one theme: two items");
        feedback(area).csat(2).themes("outcome").comment("Too much income tax has been taken since my tax code changed.")
                .send();
        List<Map<String, Object>> after = awaitItems(area, l -> totalEvidence(l) == 3);
        assertEquals(2, after.size(), "the same gap in other words joins its item");
        assertEquals(List.of(1, 2), after.stream().map(i -> (Integer) i.get("evidenceCount")).sorted().toList());
    }

    @Test
    void anonymousFeedbackCountsAsItsOwnPersonAndNeverShowsWhoOrWhen() {
        String area = area();
        try (EventProbe probe = EventProbe.at("hr.improvements")) {
            Fixtures.Feedback anonymous = feedback(area).anonymous().csat(1).themes("access")
                    .comment("Nobody ever picks up the phone").send();
            String id = (String) awaitItems(area, l -> l.size() == 1).getFirst().get("id");
            feedback(area).anonymous().nps(2).themes("access").send();
            awaitItems(area, l -> totalEvidence(l) == 2);
            // n anonymous pieces count as ceil(log2(1 + n)) people: 1 → 1, 2 → 2, 3 → 2, 7 → 3
            assertEquals(2, item(id).getInt("distinctPeople"), "two anonymous pieces: ceil(log2 3) = 2");

            for (Map<String, Object> e : evidence(id, hr())) {
                assertEquals(true, e.get("anonymous"));
                assertNull(e.get("personId"));
                assertNull(e.get("reference"));
                assertNull(e.get("linkedAt"));
                assertEquals(LocalDate.now(ZoneOffset.UTC).toString(), e.get("occurredOn"));
            }
            JsonPath created = item(id);
            assertTrue(created.getString("createdAt").contains("T00:00"), "spawned from anonymous feedback: day only");
            List<JsonNode> events = probe.await(3, Duration.ofSeconds(20), e -> id.equals(e.path("subject").asText()));
            for (JsonNode event : events) {
                assertTrue(event.path("time").asText().contains("T00:00:00"), event.toString());
                assertTrue(event.path("data").path("occurredAt").asText().contains("T00:00:00"), event.toString());
            }
            assertEquals(anonymous.id(), events.get(1).path("data").path("evidence").path("sourceId").asText());
        }
    }

    @Test
    void evidenceShowsSignedContributorsToHrOnly() {
        String area = area();
        Fixtures.Feedback signed = feedback(area).csat(1).themes("outcome").comment("Wrong answer").send();
        String id = (String) awaitItems(area, l -> l.size() == 1).getFirst().get("id");
        given().auth().oauth2(hr()).contentType("application/json").body("{\"status\":\"ACCEPTED\"}")
                .post("/api/v1/improvements/" + id + "/status").then().statusCode(200);
        given().auth().oauth2(hr()).contentType("application/json").body("{\"status\":\"IMPLEMENTED\"}")
                .post("/api/v1/improvements/" + id + "/status").then().statusCode(200);
        Map<String, Object> seenByEmployee = evidence(id, employee()).getFirst();
        assertEquals(signed.id(), seenByEmployee.get("sourceId"));
        assertNull(seenByEmployee.get("personId"));
        assertNull(seenByEmployee.get("reference"));
        assertNull(seenByEmployee.get("excerpt"), "a comment can name people: HR only");
        assertEquals(1, seenByEmployee.get("csat"));
        assertEquals(signed.personId(), evidence(id, hr()).getFirst().get("personId"));
        assertEquals(1, items(area).size());
    }

    @Test
    void feedbackWithoutRequestTypeBelongsToItsSubjectOrToHrInGeneral() {
        String process = area();
        Fixtures.Feedback onProcess = feedback(process).csat(1).themes("process");
        onProcess.data.putNull("requestType");
        onProcess.data.put("subjectType", "PROCESS");
        onProcess.send();
        assertEquals(process, awaitItems(process, l -> l.size() == 1).getFirst().get("area"));
    }
}
