package io.hrloop.common.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SightingsTest {

    private static final Instant T0 = Instant.parse("2026-11-26T09:00:00Z");

    @Test
    void theSameTokenIsWrittenOnceAnHourAChangedOneAtOnce() {
        Sightings sightings = new Sightings();
        assertTrue(sightings.due("p", "hr-agent|payroll", T0));
        assertFalse(sightings.due("p", "hr-agent|payroll", T0.plusSeconds(60)));
        assertTrue(sightings.due("p", "hr-lead|payroll", T0.plusSeconds(120)), "the roles changed");
        assertTrue(sightings.due("p", "hr-lead|payroll", T0.plusSeconds(120).plus(Sightings.REWRITE_AFTER)));
        assertTrue(sightings.due("q", "hr-agent|payroll", T0), "another person");
    }

    @Test
    void aDatabaseFailurePausesEverySightingAndTheFailedOneIsTriedAgain() {
        Sightings sightings = new Sightings();
        assertTrue(sightings.due("p", "x", T0));
        sightings.failed("p", T0, true);
        assertFalse(sightings.due("q", "x", T0.plusSeconds(1)), "paused");
        assertTrue(sightings.due("p", "x", T0.plus(Sightings.PAUSE_AFTER_FAILURE)));
        sightings.failed("p", T0, false);
        assertTrue(sightings.due("p", "x", T0.plusSeconds(31)), "another failure forgets without a pause");
        sightings.forget("p");
        assertTrue(sightings.due("p", "x", T0.plusSeconds(32)), "forgotten after an erasure");
    }
}
