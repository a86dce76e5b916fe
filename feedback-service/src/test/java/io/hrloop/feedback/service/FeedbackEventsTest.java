package io.hrloop.feedback.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.SubjectType;
import io.hrloop.text.Vectors;

/** hr.feedback.received as published: valid against the contract, an excerpt of the comment, no person when anonymous. */
class FeedbackEventsTest {

    private static Feedback feedback(boolean anonymous, String comment) {
        Feedback f = new Feedback();
        f.id = UUID.randomUUID();
        f.source = FeedbackSource.UNSOLICITED;
        f.subjectType = SubjectType.GENERAL;
        f.comment = comment;
        f.chosenThemes = "speed";
        f.detectedThemes = "communication";
        f.sentiment = -0.4;
        f.anonymous = anonymous;
        f.author = anonymous ? null : "emp-1";
        f.receivedOn = LocalDate.of(2026, 11, 23);
        return f;
    }

    @Test
    void longCommentsTravelAsAnExcerptOfAtMost500Characters() {
        FeedbackReceived data = FeedbackEvents.received(feedback(false, "x".repeat(2000)), 500);
        String comment = data.comment();
        assertEquals(500, comment.length());
        assertTrue(comment.endsWith("\u2026"));
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_RECEIVED,
                new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .valueToTree(data)));
        assertEquals("emp-1", data.personId());
    }

    @Test
    void anonymousFeedbackNamesNoOne() {
        FeedbackReceived data = FeedbackEvents.received(feedback(true, "short"), 500);
        assertNull(data.personId());
        assertEquals("short", data.comment());
        assertEquals(List.of("speed", "communication"), data.themes().stream().map(Theme::key).toList());
        assertEquals("2026-11-23", data.receivedOn().toString());
    }

    @Test
    void feedbackAboutAConfidentialRequestIsFlaggedAndCarriesNoText() {
        Feedback f = feedback(false, "My manager keeps shouting at me.");
        f.confidential = true;
        FeedbackReceived data = FeedbackEvents.received(f, 500);
        assertTrue(data.confidential());
        assertNull(data.comment());
        assertNull(FeedbackEvents.received(f, 500, "e5-small-v2-q", new float[] {0.6f, 0.8f}).commentEmbedding(),
                "the comment's embedding goes where the comment goes");
    }

    @Test
    void theCommentsEmbeddingTravelsWithTheWholeCommentOnly() throws Exception {
        float[] vector = {0.6f, -0.8f, 1e-7f, Float.MIN_VALUE};
        FeedbackReceived whole = FeedbackEvents.received(feedback(false, "Slow and nobody called back."), 500,
                "e5-small-v2-q", vector);
        assertEquals("e5-small-v2-q", whole.commentEmbedding().model());
        assertTrue(java.util.Arrays.equals(vector, Vectors.fromBase64(whole.commentEmbedding().vector())),
                "the same floats, bit for bit");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules()
                .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        com.fasterxml.jackson.databind.JsonNode tree = json.valueToTree(whole);
        assertEquals(List.of(), EventSchemas.violations(EventCatalog.FEEDBACK_RECEIVED, tree));
        assertTrue(java.util.Arrays.equals(vector,
                Vectors.fromBase64(json.treeToValue(tree, FeedbackReceived.class).commentEmbedding().vector())));

        assertNull(FeedbackEvents.received(feedback(false, "x".repeat(2000)), 500, "e5-small-v2-q", vector)
                .commentEmbedding(), "an excerpt is not the text that was embedded");
        assertNull(FeedbackEvents.received(feedback(false, "Slow."), 500, "e5-small-v2-q", null).commentEmbedding(),
                "nothing embedded (another language)");
        assertNull(FeedbackEvents.received(feedback(false, "Slow."), 500).commentEmbedding());
        assertNull(whole.ofErasedAuthor("erased-1").commentEmbedding(), "an erased author's comment and its vector go");
    }
}
