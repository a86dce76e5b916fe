package io.hrloop.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hrloop.common.contract.Theme;

/**
 * The text analysis as feedback-service reads it (the model itself is measured in module text-analysis:
 * HeldOutEvaluationTest).
 */
class TextAnalyserTest {

    private static final TextAnalyser ANALYSER = TextAnalyser.standard();

    @Test
    void noTextIsNeutralWithoutThemes() {
        TextAnalyser.Analysis none = ANALYSER.analyse("  ");
        assertEquals(0.0, none.sentiment());
        assertEquals(SentimentClass.NEUTRAL, none.sentimentClass());
        assertFalse(none.frustrated());
        assertEquals(Set.of(), none.themes());
    }

    @Test
    void aStoredScoreReadsBackAsItsClass() {
        for (String text : new String[] {"Excellent, thank you so much!", "Terrible, wrong again and nobody replies.",
                "I sent the form on Tuesday."}) {
            TextAnalyser.Analysis a = ANALYSER.analyse(text);
            assertEquals(a.sentimentClass(), TextAnalyser.classify(a.sentiment()), text);
            assertTrue(a.sentiment() >= -1 && a.sentiment() <= 1, text);
        }
    }

    @Test
    void readsNegationSarcasmAndPlainComplaints() {
        assertEquals(SentimentClass.NEGATIVE, ANALYSER.analyse("I did not feel that my concerns were taken seriously.").sentimentClass());
        assertEquals(SentimentClass.NEGATIVE,
                ANALYSER.analyse("Great, another month and still no payslip correction. Brilliant work, HR.").sentimentClass());
        assertEquals(SentimentClass.POSITIVE,
                ANALYSER.analyse("My return-to-work plan after stress leave was handled with real care.").sentimentClass());
        assertFalse(ANALYSER.analyse("I wasn't frustrated at all this time.").frustrated());
        assertTrue(ANALYSER.analyse("Third time I have chased this and still no reply. Fed up.").frustrated());
    }

    @Test
    void themesComeFromTheTaxonomy() {
        assertTrue(ANALYSER.analyse("The parental leave policy is unfair.").themes().contains(Theme.POLICY));
        assertTrue(ANALYSER.analyse("I could not log in to the portal.").themes().contains(Theme.ACCESS));
        assertTrue(ANALYSER.analyse("The adviser was rude.").themes().contains(Theme.RESPECT));
    }

    @Test
    void anotherLanguageIsFlaggedNotScored() {
        TextAnalyser.Analysis german = ANALYSER.analyse("Ich warte seit Wochen auf eine Antwort, das ist eine Frechheit.");
        assertTrue(german.unsupportedLanguage());
        assertEquals("de", german.language());
        assertEquals(0.0, german.sentiment());
        assertEquals(0.0, german.confidence());
        assertFalse(german.frustrated());
        assertEquals(Set.of(Theme.OTHER), german.themes());
    }
}
