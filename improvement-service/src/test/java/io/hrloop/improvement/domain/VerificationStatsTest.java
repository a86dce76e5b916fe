package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class VerificationStatsTest {

    private static VerificationStats.Scores s(Integer csat, Integer nps) {
        return new VerificationStats.Scores(csat, nps);
    }

    @Test
    void csatPercentIsTheShareOfFoursAndFivesAndNpsIsPromotersMinusDetractors() {
        VerificationStats stats = VerificationStats.of(List.of(s(5, 10), s(4, 9), s(2, 3), s(1, 8), s(null, 0)));
        assertEquals(5, stats.responses());
        assertEquals(4, stats.csatResponses());
        assertEquals(50.0, stats.csatPercent());
        assertEquals(3.0, stats.averageCsat());
        assertEquals(5, stats.npsResponses());
        assertEquals(0.0, stats.nps(), "2 promoters, 2 detractors, 1 passive");
    }

    @Test
    void noAnswersMeansNoFigureNotZero() {
        VerificationStats stats = VerificationStats.of(List.of(s(null, null)));
        assertEquals(1, stats.responses());
        assertNull(stats.csatPercent());
        assertNull(stats.averageCsat());
        assertNull(stats.nps());
    }

    @Test
    void aFigureOnFewerAnswersThanTheMinimumIsSuppressed() {
        VerificationStats stats = VerificationStats.of(List.of(s(5, 10), s(1, 0), s(4, 9), s(2, null), s(5, null)))
                .suppressBelow(5);
        assertEquals(5, stats.csatResponses());
        assertEquals(60.0, stats.csatPercent(), "five CSAT answers: shown");
        assertEquals(3, stats.npsResponses());
        assertNull(stats.nps(), "three NPS answers: suppressed");
        assertEquals(true, stats.suppressed());
        VerificationStats one = VerificationStats.of(List.of(s(1, 0))).suppressBelow(5);
        assertNull(one.csatPercent());
        assertNull(one.averageCsat());
        assertNull(one.nps());
        assertEquals(true, one.suppressed());
        assertEquals(false, VerificationStats.of(List.of()).suppressBelow(5).suppressed(), "nothing to hide");
    }
}
