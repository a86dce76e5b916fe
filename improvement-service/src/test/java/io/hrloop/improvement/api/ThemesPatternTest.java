package io.hrloop.improvement.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.hrloop.common.contract.Theme;

class ThemesPatternTest {

    @Test
    void theValidatedThemesAreTheTaxonomy() {
        assertEquals(String.join("|", Theme.KEYS), ImprovementResource.THEMES);
    }
}
