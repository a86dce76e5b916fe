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
    private static final ImpactScore.Weights WEIGHTS = new ImpactScore.Weights(HALF_LIFE, BREACH, 0.5);

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
                feedback(2, null, null, false, TODAY.minusDays(30))), 2, TODAY, WEIGHTS);
        assertEquals(Math.round(2.75 * (1 + Math.log(2)) * 100) / 100.0, impact);
        assertEquals(4.66, impact);
    }

    @Test
    void tenPeopleOutweighOnePersonComplainingTenTimes() {
        List<ImpactScore.Facts> ten = java.util.Collections.nCopies(10, feedback(2, null, null, false, TODAY));
        double onePerson = ImpactScore.impact(ten, 1, TODAY, WEIGHTS);
        double tenPeople = ImpactScore.impact(ten, 10, TODAY, WEIGHTS);
        assertEquals(15.0, onePerson);
        assertTrue(tenPeople > 3 * onePerson, tenPeople + " vs " + onePerson);
    }

    @Test
    void breachesCountWithTheirFixedWeightAndNoPeople() {
        List<ImpactScore.Facts> breaches = java.util.Collections.nCopies(3,
                new ImpactScore.Facts(EvidenceKind.BREACH, null, null, null, false, TODAY));
        assertEquals(3.0, ImpactScore.impact(breaches, 0, TODAY, WEIGHTS));
        assertEquals(4.5, ImpactScore.impact(breaches, 0, TODAY, new ImpactScore.Weights(HALF_LIFE, 1.5, 0.5)));
    }

    @Test
    void priorityIsImpactOverEffortAndNullWithoutAnEstimate() {
        assertEquals(2.0, ImpactScore.priority(5.0, new BigDecimal("2.5")));
        assertNull(ImpactScore.priority(5.0, null));
        assertEquals(0.0, ImpactScore.impact(List.of(), 0, TODAY, WEIGHTS));
    }

    private static ImpactScore.Facts anonymous(Integer csat, LocalDate on) {
        return new ImpactScore.Facts(EvidenceKind.FEEDBACK, csat, null, null, false, on, true);
    }

    @Test
    void anonymousPiecesCountAsLogarithmicallyFewPeople() {
        assertEquals(0, ImpactScore.distinctPeople(0, 0));
        assertEquals(1, ImpactScore.distinctPeople(0, 1));
        assertEquals(2, ImpactScore.distinctPeople(0, 2));
        assertEquals(2, ImpactScore.distinctPeople(0, 3));
        assertEquals(3, ImpactScore.distinctPeople(0, 7));
        assertEquals(4, ImpactScore.distinctPeople(0, 8));
        assertEquals(7, ImpactScore.distinctPeople(0, 64));
        assertEquals(10, ImpactScore.distinctPeople(3, 64), "signed people one each, plus the anonymous share");
    }

    @Test
    void sixtyFourAnonymousComplaintsDoNotOutweighSevenSignedPeople() {
        List<ImpactScore.Facts> flood = java.util.Collections.nCopies(64, anonymous(1, TODAY));
        List<ImpactScore.Facts> seven = java.util.Collections.nCopies(7, feedback(1, null, null, false, TODAY));
        double floodImpact = ImpactScore.impact(flood, 0, TODAY, WEIGHTS);
        double sevenImpact = ImpactScore.impact(seven, 7, TODAY, WEIGHTS);
        assertTrue(ImpactScore.distinctPeople(0, 64) <= 7);
        assertTrue(floodImpact < sevenImpact, floodImpact + " vs " + sevenImpact);
        // one anonymous piece weighs half a signed one; 64 weigh as 0.5 × 2.0 × log2(65) = 6.02, × (1 + ln 7)
        assertEquals(1.0, ImpactScore.impact(List.of(anonymous(1, TODAY)), 0, TODAY, WEIGHTS));
        assertEquals(Math.round(6.0224 * (1 + Math.log(7)) * 100) / 100.0, floodImpact, 0.011);
        // even a thousand stay below seven signed people
        assertTrue(ImpactScore.impact(java.util.Collections.nCopies(1000, anonymous(1, TODAY)), 0, TODAY, WEIGHTS)
                < sevenImpact);
    }

    @Test
    void runningSumsGiveWhatTheWholeEvidenceGivesInAnyOrderAndAsTheyAge() {
        List<ImpactScore.Facts> evidence = List.of(feedback(1, null, null, true, TODAY.minusDays(40)),
                anonymous(2, TODAY.minusDays(3)), new ImpactScore.Facts(EvidenceKind.BREACH, null, null, null, false,
                        TODAY.minusDays(10)), feedback(null, 3, -0.5, false, TODAY.plusDays(1)), anonymous(1, TODAY));
        ImpactScore.Sums forwards = ImpactScore.Sums.EMPTY;
        for (ImpactScore.Facts e : evidence) {
            forwards = forwards.add(e, TODAY, WEIGHTS);
        }
        ImpactScore.Sums backwards = ImpactScore.Sums.EMPTY;
        for (ImpactScore.Facts e : evidence.reversed()) {
            backwards = backwards.add(e, TODAY, WEIGHTS);
        }
        double expectedSigned = 2.5 * Math.pow(0.5, 40 / 30.0) + 1.0 * Math.pow(0.5, 10 / 30.0) + 4 / 3.5;
        assertEquals(TODAY, forwards.asOf(), "a day after today counts as today");
        assertEquals(expectedSigned, forwards.signed(), 1e-9);
        assertEquals(1.5 * Math.pow(0.5, 3 / 30.0) + 2.0, forwards.anonymous(), 1e-9);
        assertEquals(ImpactScore.impact(forwards, 2, TODAY, WEIGHTS), ImpactScore.impact(backwards, 2, TODAY, WEIGHTS));
        assertEquals(2, forwards.anonymousPieces());
        // aged by sixty days: every piece has lost three quarters of its weight
        LocalDate later = TODAY.plusDays(60);
        ImpactScore.Sums aged = forwards.at(later, WEIGHTS);
        assertEquals(forwards.signed() * 0.25, aged.signed(), 1e-9);
        assertEquals(forwards.anonymous() * 0.25, aged.anonymous(), 1e-9);
        // a merge adds both items' sums as of the later day
        ImpactScore.Sums merged = forwards.plus(ImpactScore.Sums.of(List.of(anonymous(1, later)), later, WEIGHTS), WEIGHTS);
        assertEquals(later, merged.asOf());
        assertEquals(aged.anonymous() + 2.0, merged.anonymous(), 1e-9);
        assertEquals(3, merged.anonymousPieces());
    }
}
