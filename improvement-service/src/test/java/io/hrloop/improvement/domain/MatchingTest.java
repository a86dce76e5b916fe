package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** Matching of complaints to open items: same theme, or similar text by the documented method and threshold. */
class MatchingTest {

    private static final double THRESHOLD = 0.35;
    private static final String AREA = "payroll-query";
    private final TextSimilarity similarity = new TextSimilarity();
    private final ItemMatcher matcher = new ItemMatcher(similarity, THRESHOLD);

    private static final String SLOW = "It took far too long to get an answer.";
    private static final List<String> SLOW_REWORDED = List.of(
            "Waiting weeks for a reply, way too slow.",
            "I had to chase them three times before anyone responded",
            "Still no response after 10 days, this delay is unacceptable",
            "The answer came much later than promised");
    private static final List<String> UNRELATED = List.of(
            "The payslip figures were wrong and the deduction was miscalculated",
            "The agent was rude and dismissive on the phone",
            "The new leave policy is unfair to part-time staff",
            "Nobody explained which form I had to fill in",
            "My leave balance shows the wrong number of days");

    @Test
    void similarComplaintsWordedDifferentlyAreAboveTheThreshold() {
        for (String other : SLOW_REWORDED) {
            double score = similarity.similarity(SLOW, other, AREA);
            assertTrue(score >= THRESHOLD, "'" + other + "' scored " + score);
        }
    }

    @Test
    void unrelatedComplaintsStayBelowTheThreshold() {
        for (String other : UNRELATED) {
            double score = similarity.similarity(SLOW, other, AREA);
            assertTrue(score < THRESHOLD, "'" + other + "' scored " + score);
        }
    }

    @Test
    void theWordsOfTheAreaAndCommonFillersDoNotMakeComplaintsAlike() {
        assertEquals(0.0, similarity.similarity("payroll query about my request", "payroll query, HR request", AREA));
        assertEquals(0.0, similarity.similarity("", SLOW, AREA));
    }

    @Test
    void aSharedThemeWinsOverTextAndTheOldestItemOfTheGapIsChosen() {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.parse("2026-11-01T10:00:00Z");
        List<ItemMatcher.Candidate> open = List.of(
                new ItemMatcher.Candidate(newer, List.of("speed"), List.of("unrelated words"), t.plusDays(1)),
                new ItemMatcher.Candidate(older, List.of("speed", "outcome"), List.of("payslip"), t));
        Optional<ItemMatcher.Match> match = matcher.match(AREA, List.of("speed"), "wrong payslip", open);
        assertEquals(older, match.orElseThrow().itemId());
        assertEquals(ItemMatcher.Method.THEME, match.get().method());
        // more shared themes beat age
        assertEquals(older, matcher.match(AREA, List.of("speed", "outcome"), null, open).orElseThrow().itemId());
    }

    @Test
    void withoutASharedThemeTheMostSimilarItemAboveTheThresholdIsChosen() {
        UUID slow = UUID.randomUUID();
        UUID wrong = UUID.randomUUID();
        OffsetDateTime t = OffsetDateTime.parse("2026-11-01T10:00:00Z");
        List<ItemMatcher.Candidate> open = List.of(
                new ItemMatcher.Candidate(slow, List.of("speed"), List.of("Answers take too long", SLOW), t),
                new ItemMatcher.Candidate(wrong, List.of("outcome"), List.of(UNRELATED.getFirst()), t));
        ItemMatcher.Match match = matcher.match(AREA, List.of("communication"), SLOW_REWORDED.getFirst(), open)
                .orElseThrow();
        assertEquals(slow, match.itemId());
        assertEquals(ItemMatcher.Method.TEXT, match.method());
        assertTrue(matcher.match(AREA, List.of("respect"), UNRELATED.get(1), open).isEmpty(),
                "a rude agent is a gap of its own");
        assertTrue(matcher.match(AREA, List.of("communication"), null, open).isEmpty());
    }
}
