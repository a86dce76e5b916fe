package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The two-proportion z-test against values computed by hand (and checked with scipy.stats.norm). */
class ShareTestTest {

    @Test
    void fortyPercentBeforeAndSixtyAfterOnAHundredEachIsBetter() {
        // pooled 0.5, se = sqrt(0.25 × 0.02) = 0.070711, z = 0.2 / 0.070711 = 2.828427, p = 0.004678
        ShareTest t = ShareTest.of(40, 100, 60, 100, 0.95);
        assertEquals(0.4, t.shareBefore());
        assertEquals(0.6, t.shareAfter());
        assertEquals(2.8284, t.z(), 1e-4);
        assertEquals(0.004678, t.pValue(), 2e-6);
        assertEquals(ShareTest.Outcome.BETTER, t.outcome());
    }

    @Test
    void theSameDropIsWorse() {
        ShareTest t = ShareTest.of(60, 100, 40, 100, 0.95);
        assertEquals(-2.8284, t.z(), 1e-4);
        assertEquals(ShareTest.Outcome.WORSE, t.outcome());
    }

    @Test
    void fiveAnswersASideAreTooFewForFortyPercentagePoints() {
        // 2/5 → 4/5: pooled 0.6, se = sqrt(0.24 × 0.4) = 0.309839, z = 1.290994, p = 0.196706
        ShareTest t = ShareTest.of(2, 5, 4, 5, 0.95);
        assertEquals(1.2910, t.z(), 1e-4);
        assertEquals(0.196706, t.pValue(), 2e-6);
        assertEquals(ShareTest.Outcome.INCONCLUSIVE, t.outcome());
    }

    @Test
    void theConfidenceDecides() {
        // 30/50 → 40/50: pooled 0.7, se = sqrt(0.21 × 0.04) = 0.091652, z = 2.182179, p = 0.029096
        ShareTest t95 = ShareTest.of(30, 50, 40, 50, 0.95);
        assertEquals(2.1822, t95.z(), 1e-4);
        assertEquals(0.029096, t95.pValue(), 2e-6);
        assertEquals(ShareTest.Outcome.BETTER, t95.outcome());
        assertEquals(ShareTest.Outcome.INCONCLUSIVE, ShareTest.of(30, 50, 40, 50, 0.99).outcome());
    }

    @Test
    void noVarianceIsInconclusive() {
        ShareTest t = ShareTest.of(10, 10, 20, 20, 0.95);
        assertEquals(0.0, t.z());
        assertEquals(1.0, t.pValue());
        assertEquals(ShareTest.Outcome.INCONCLUSIVE, t.outcome());
    }

    @Test
    void theNormalDistributionFunctionHasItsKnownValues() {
        assertEquals(0.5, ShareTest.phi(0), 1e-7);
        assertEquals(0.975002, ShareTest.phi(1.96), 1e-6);
        assertEquals(0.841345, ShareTest.phi(1), 1e-6);
        assertEquals(0.158655, ShareTest.phi(-1), 1e-6);
    }

    @Test
    void aSideWithoutAnswersHasNoShare() {
        assertThrows(IllegalArgumentException.class, () -> ShareTest.of(0, 0, 3, 5, 0.95));
        assertThrows(IllegalArgumentException.class, () -> ShareTest.of(6, 5, 3, 5, 0.95));
    }
}
