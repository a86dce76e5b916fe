package io.hrloop.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hrloop.common.contract.Theme;

/** The rules of the text analysis, one at a time. */
class TextAnalyserTest {

    private final TextAnalyser analyser = TextAnalyser.standard();

    private double score(String text) {
        return analyser.analyse(text).sentiment();
    }

    @Test
    void noTextIsNeutralWithoutThemes() {
        TextAnalyser.Analysis none = analyser.analyse("  ");
        assertEquals(0.0, none.sentiment());
        assertEquals(SentimentClass.NEUTRAL, none.sentimentClass());
        assertFalse(none.frustrated());
        assertEquals(Set.of(), none.themes());
    }

    @Test
    void scoresStayWithinMinusOneAndOne() {
        double high = score("Excellent excellent excellent brilliant amazing wonderful, thank you so much!!!");
        double low = score("Terrible awful appalling useless shambles, the worst ever!!!");
        assertTrue(high > 0.9 && high <= 1.0, "high " + high);
        assertTrue(low < -0.9 && low >= -1.0, "low " + low);
    }

    @Test
    void negationFlipsAndWeakens() {
        assertTrue(score("The adviser was helpful.") > 0.1);
        assertTrue(score("The adviser was not helpful.") < -0.1);
        assertTrue(score("Not bad at all.") > 0.1);
        assertTrue(Math.abs(score("The adviser was not helpful.")) < Math.abs(score("The adviser was helpful.")));
    }

    @Test
    void intensifiersAndSoftenersScaleTheValence() {
        assertTrue(score("It was very slow.") < score("It was slow."));
        assertTrue(score("It was slightly slow.") > score("It was slow."));
    }

    @Test
    void theClauseAfterButWeighsMore() {
        assertEquals(SentimentClass.NEGATIVE, analyser.analyse("Friendly staff but it took far too long.").sentimentClass());
        assertEquals(SentimentClass.POSITIVE, analyser.analyse("It took a while but the outcome was excellent.").sentimentClass());
    }

    @Test
    void suggestionsReadAsNeutral() {
        assertEquals(SentimentClass.NEUTRAL, analyser.analyse("It would be great if the form had a field for my cost centre.").sentimentClass());
    }

    @Test
    void inflectionsShareAnEntryButRelativesDoNot() {
        assertTrue(score("My refund was delayed.") < 0, "delayed, from the entry delay");
        assertTrue(score("I used the portal.") == 0.0, "used is not useful");
        assertTrue(score("Quickest reply ever.") > 0, "the plain form of a superlative");
    }

    @Test
    void frustrationIsStatedOrShown() {
        assertTrue(analyser.analyse("I am fed up with this.").frustrated(), "stated");
        assertTrue(analyser.analyse("Third time I have chased this and still no reply.").frustrated(), "repeated effort");
        assertTrue(analyser.analyse("Why does nobody ever answer? It has been weeks.").frustrated(), "a complaining question");
        assertFalse(analyser.analyse("The reply was a bit slow.").frustrated(), "mild criticism is not frustration");
        assertFalse(analyser.analyse("Why is the pension age 67?").frustrated(), "a question asking for information");
    }

    @Test
    void themesComeFromTheTaxonomyAndOtherOnlyWhenNothingFits() {
        assertEquals(Set.of(Theme.SPEED, Theme.COMMUNICATION), analyser.analyse("Quick reply by email.").themes());
        assertTrue(analyser.analyse("The parental leave policy is unfair.").themes().contains(Theme.POLICY));
        assertTrue(analyser.analyse("I could not log in to the portal.").themes().contains(Theme.ACCESS));
        assertTrue(analyser.analyse("The adviser was rude.").themes().contains(Theme.RESPECT));
        assertEquals(Set.of(Theme.OTHER), analyser.analyse("Lovely.").themes());
    }
}
