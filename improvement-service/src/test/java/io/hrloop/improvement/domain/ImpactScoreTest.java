package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class ImpactScoreTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final double HALF_LIFE = 30;
    private static final double BREACH = 1.0;

    private static ImpactScore.Facts feedback(Integer csat, Integer nps, Double sentiment, boolean frustrated,
            LocalDate on) {
        return new ImpactScore.Facts(EvidenceKind.FEEDBACK, csat, nps, sentiment, frustrated, on);
    }

    @Test
    void severityTakesTheWorstSignalAndAddsFrustration() {
        assertEquals(2.0, ImpactScore.severity(feedback(1, null, null, false, TODAY), BREACH));
        assertEquals(1.5, ImpactScore.severity(feedback(2, 9, 0.2, false, TODAY), BREACH));
        assertEquals(2.0, ImpactScore.severity(feedback(4, 0, null, false, TODAY), BREACH), "NPS 0 outweighs CSAT 4");
        assertEquals(1.6, ImpactScore.severity(feedback(null, null, -0.8, false, TODAY), BREACH), 1e-9);
        assertEquals(2.5, ImpactScore.severity(feedback(1, 0, -1.0, true, TODAY), BREACH));
        assertEquals(0.0, ImpactScore.severity(feedback(5, 10, 0.9, false, TODAY), BREACH));
        assertEquals(1.0, ImpactScore.severity(new ImpactScore.Facts(EvidenceKind.BREACH, null, null, null, false,
                TODAY), BREACH));
    }

    @Test
    void evidenceLosesHalfItsWeightEveryHalfLife() {
        assertEquals(1.0, ImpactScore.decay(TODAY, TODAY, HALF_LIFE));
        assertEquals(0.5, ImpactScore.decay(TODAY.minusDays(30), TODAY, HALF_LIFE), 1e-12);
        assertEquals(0.25, ImpactScore.decay(TODAY.minusDays(60), TODAY, HALF_LIFE), 1e-12);
        assertEquals(1.0, ImpactScore.decay(TODAY.plusDays(2), TODAY, HALF_LIFE), "future dates count as fresh");
    }

    @Test
    void impactSumsDecayedSeverityTimesThePeopleFactor() {
        // CSAT 1 today (2.0) + CSAT 2 thirty days ago (1.5 × 0.5) = 2.75; two people: × (1 + ln 2)
        double impact = ImpactScore.impact(List.of(feedback(1, null, null, false, TODAY),
                feedback(2, null, null, false, TODAY.minusDays(30))), 2, TODAY, HALF_LIFE, BREACH);
        assertEquals(Math.round(2.75 * (1 + Math.log(2)) * 100) / 100.0, impact);
        assertEquals(4.66, impact);
    }

    @Test
    void tenPeopleOutweighOnePersonComplainingTenTimes() {
        List<ImpactScore.Facts> ten = java.util.Collections.nCopies(10, feedback(2, null, null, false, TODAY));
        double onePerson = ImpactScore.impact(ten, 1, TODAY, HALF_LIFE, BREACH);
        double tenPeople = ImpactScore.impact(ten, 10, TODAY, HALF_LIFE, BREACH);
        assertEquals(15.0, onePerson);
        assertTrue(tenPeople > 3 * onePerson, tenPeople + " vs " + onePerson);
    }

    @Test
    void breachesCountWithTheirFixedWeightAndNoPeople() {
        List<ImpactScore.Facts> breaches = java.util.Collections.nCopies(3,
                new ImpactScore.Facts(EvidenceKind.BREACH, null, null, null, false, TODAY));
        assertEquals(3.0, ImpactScore.impact(breaches, 0, TODAY, HALF_LIFE, 1.0));
        assertEquals(4.5, ImpactScore.impact(breaches, 0, TODAY, HALF_LIFE, 1.5));
    }

    @Test
    void priorityIsImpactOverEffortAndNullWithoutAnEstimate() {
        assertEquals(2.0, ImpactScore.priority(5.0, new BigDecimal("2.5")));
        assertNull(ImpactScore.priority(5.0, null));
        assertEquals(0.0, ImpactScore.impact(List.of(), 0, TODAY, HALF_LIFE, BREACH));
    }
}
