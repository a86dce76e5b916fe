package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * What a user sees of the analysis, including the issue's five examples of what the word list got wrong (those five
 * sentences are in the training corpus, 01-negation ... 05-negated-frustration: this shows behaviour, the held-out set
 * measures it).
 */
class SemanticAnalyserTest {

    private final SemanticAnalyser analyser = new SemanticAnalyser(CachedEmbedder.shared(), LexiconSignal.standard(),
            SemanticAnalyser.standardModel(), new LanguageDetector());

    @Test
    void theIssuesFiveFailuresAreReadRight() {
        assertEquals(Sentiment.NEGATIVE, analyser.analyse("I did not feel that my concerns were taken seriously.").sentiment(),
                "long-range negation");
        SemanticAnalyser.Analysis sarcasm = analyser.analyse("Great, another month and still no payslip correction. Brilliant work, HR.");
        assertEquals(Sentiment.NEGATIVE, sarcasm.sentiment(), "sarcasm");
        assertTrue(sarcasm.frustrated(), "sarcasm is exasperation");
        assertEquals(Sentiment.NEGATIVE, analyser.analyse("I haven't had a single update from anyone in three weeks.").sentiment(),
                "a complaint without emotion words");
        assertEquals(Sentiment.POSITIVE,
                analyser.analyse("My return-to-work plan after stress leave was handled with real care.").sentiment(),
                "hard words in good news");
        SemanticAnalyser.Analysis negated = analyser.analyse("I wasn't frustrated at all this time.");
        assertFalse(negated.frustrated(), "negated frustration");
        assertTrue(negated.sentiment() != Sentiment.NEGATIVE, "negated frustration is not a complaint");
    }

    @Test
    void scoresReadBackAsTheirClassAndStayWithinMinusOneAndOne() {
        for (String text : List.of("Brilliant, thank you so much!", "Useless. Wrong again and nobody cares.",
                "I submitted the form on Monday.", "It was fine I guess")) {
            SemanticAnalyser.Analysis a = analyser.analyse(text);
            assertTrue(a.score() >= -1 && a.score() <= 1, text);
            assertEquals(a.sentiment(), SemanticAnalyser.classify(a.score(), SemanticAnalyser.NEUTRAL_BAND), text);
            assertTrue(a.confidence() > 0.33 && a.confidence() <= 1, text);
        }
    }

    @Test
    void themesComeFromTheTaxonomyAndOtherOnlyWhenNothingElseFits() {
        assertTrue(analyser.analyse("It took three weeks to get a reply.").themes().contains(Theme.SPEED));
        assertTrue(analyser.analyse("I can't log in to the HR portal.").themes().contains(Theme.ACCESS));
        assertTrue(analyser.analyse("The parental leave policy is unfair to part-time staff.").themes().contains(Theme.POLICY));
        assertTrue(analyser.analyse("The adviser was rude and dismissive.").themes().contains(Theme.RESPECT));
        Set<Theme> themes = analyser.analyse("Lovely.").themes();
        assertTrue(!themes.contains(Theme.OTHER) || themes.size() == 1, "other only alone: " + themes);
    }

    @Test
    void otherLanguagesAreFlaggedAndNeverScoredWithConfidence() {
        for (String text : List.of(
                "Ich warte seit drei Wochen auf meine Gehaltsabrechnung und niemand antwortet.",
                "Je suis très déçu, personne ne m'a répondu depuis trois semaines.",
                "Estoy muy contento con la ayuda que recibí, gracias.",
                "Ik wacht al weken op een antwoord over mijn salaris.")) {
            SemanticAnalyser.Analysis a = analyser.analyse(text);
            assertTrue(a.unsupportedLanguage(), text);
            assertEquals(0.0, a.score(), text);
            assertEquals(Sentiment.NEUTRAL, a.sentiment(), text);
            assertEquals(0.0, a.confidence(), text);
            assertFalse(a.frustrated(), text);
            assertEquals(Set.of(Theme.OTHER), a.themes(), text);
        }
        assertFalse(analyser.analyse("Thanks, all sorted.").unsupportedLanguage());
    }

    @Test
    void noTextIsNeutralWithoutThemes() {
        SemanticAnalyser.Analysis none = analyser.analyse("  ");
        assertEquals(0.0, none.score());
        assertEquals(Sentiment.NEUTRAL, none.sentiment());
        assertEquals(Set.of(), none.themes());
        assertFalse(none.unsupportedLanguage());
    }
}
