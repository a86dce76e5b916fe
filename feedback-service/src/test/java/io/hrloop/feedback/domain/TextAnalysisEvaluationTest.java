package io.hrloop.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The text analysis measured on labelled HR feedback: the figures are printed with the test run and
 * the targets asserted (three-class sentiment accuracy at least 85%, frustration recall at least 80%).
 */
class TextAnalysisEvaluationTest {

    private final TextAnalyser analyser = TextAnalyser.standard();

    @Test
    void meetsTheTargetsOnTheLabelledSet() {
        LabelledSet set = LabelledSet.load("text-analysis/labelled-feedback.tsv");
        assertTrue(set.examples().size() >= 300, "at least 300 labelled sentences");
        LabelledSet.Figures figures = set.evaluate(analyser);
        System.out.println(figures.report(set.name()));
        figures.misreadSentiment().forEach(line -> System.out.println("  misread: " + line));
        assertTrue(figures.accuracy() >= 0.85, "sentiment accuracy " + figures.accuracy());
        assertTrue(figures.frustrationRecall() >= 0.80, "frustration recall " + figures.frustrationRecall());
        for (SentimentClass c : SentimentClass.values()) {
            assertTrue(figures.recall().get(c) >= 0.7, c + " recall " + figures.recall().get(c));
        }
        assertTrue(figures.themeMicroF1() >= 0.55, "theme micro-F1 " + figures.themeMicroF1());
    }

    @Test
    void tuningSetFiguresArePrintedForComparison() {
        LabelledSet set = LabelledSet.load("text-analysis/dev-set.tsv");
        LabelledSet.Figures figures = set.evaluate(analyser);
        System.out.println(figures.report(set.name() + " (tuning set)"));
        assertTrue(figures.accuracy() >= 0.85, "the tuning set is read as it was tuned");
    }
}
