package io.hrloop.improvement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class GapKeyTest {

    @Test
    void confidentialGapsNeverShareAKeyWithOthers() {
        assertNotEquals(GapKey.breaches("er-case", false), GapKey.breaches("er-case", true));
        assertNotEquals(GapKey.theme("er-case", "speed", false), GapKey.theme("er-case", "speed", true));
        assertEquals("er-case|speed|confidential", GapKey.theme("er-case", "speed", true));
    }

    @Test
    void twoCommentGapsMayShareTheirFirstTheme() {
        assertNotEquals(GapKey.comment("payroll", "outcome", UUID.randomUUID(), false),
                GapKey.comment("payroll", "outcome", UUID.randomUUID(), false));
    }

    @Test
    void aThemeNamedGapEndsWithItsSeedThemeOthersStay() {
        String theme = GapKey.theme("payroll", "speed", true);
        assertEquals(theme, GapKey.afterThemesChange(theme, "payroll", List.of("outcome", "speed")));
        assertNull(GapKey.afterThemesChange(theme, "payroll", List.of("outcome")));
        String breaches = GapKey.breaches("payroll", false);
        assertEquals(breaches, GapKey.afterThemesChange(breaches, "payroll", List.of("outcome", "speed")));
        assertNull(GapKey.afterThemesChange(breaches, "payroll", List.of("outcome")), "breaches are the speed gap");
        String comment = GapKey.comment("payroll", "speed", UUID.randomUUID(), false);
        assertEquals(comment, GapKey.afterThemesChange(comment, "payroll", List.of("outcome")));
        assertNull(GapKey.afterThemesChange(null, "payroll", List.of("speed")));
    }
}
