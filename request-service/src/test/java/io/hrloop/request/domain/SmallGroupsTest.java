package io.hrloop.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;

class SmallGroupsTest {

    static OffsetDateTime t(String text) {
        return OffsetDateTime.parse(text);
    }

    @Test
    void periodsAreWidenedToWholeIsoWeeksInUtc() {
        assertEquals(t("2026-11-30T00:00Z"), SmallGroups.weekFloor(t("2026-12-03T17:45:00Z")));
        assertEquals(t("2026-12-07T00:00Z"), SmallGroups.weekCeiling(t("2026-12-03T17:45:00Z")));
        assertEquals(t("2026-11-30T00:00Z"), SmallGroups.weekFloor(t("2026-11-30T00:00:00Z")));
        assertEquals(t("2026-11-30T00:00Z"), SmallGroups.weekCeiling(t("2026-11-30T00:00:00Z")));
        // Monday 00:30 in Berlin is still Sunday in UTC: the week is taken in UTC.
        assertEquals(t("2026-11-23T00:00Z"), SmallGroups.weekFloor(t("2026-11-30T00:30:00+01:00")));
        assertEquals(t("2026-11-30T00:00Z"), SmallGroups.weekCeiling(t("2026-11-29T23:59:59.999Z")));
    }

    @Test
    void twoOverlappingDayRangesBecomeTheSameWeeks() {
        assertEquals(SmallGroups.weekFloor(t("2026-12-01T00:00Z")), SmallGroups.weekFloor(t("2026-12-02T00:00Z")));
        assertEquals(SmallGroups.weekCeiling(t("2026-12-09T00:00Z")), SmallGroups.weekCeiling(t("2026-12-10T00:00Z")));
    }
}
