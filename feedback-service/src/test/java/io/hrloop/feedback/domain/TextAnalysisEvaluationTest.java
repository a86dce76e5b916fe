package io.hrloop.feedback.domain;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The figures of feedback-service's analysis on the two labelled sets this service used to tune and evaluate its
 * former word-list analyser. Both are training data of the current model now (module text-analysis,
 * corpus/training/00-*), so these are training-set figures, printed for comparison with the former ones (91.1%
 * on labelled-feedback.tsv): the honest, held-out figures are printed by text-analysis HeldOutEvaluationTest.
 */
class TextAnalysisEvaluationTest {

    private final TextAnalyser analyser = TextAnalyser.standard();

    @Test
    void formerEvaluationSetNowTrainingData() {
        LabelledSet set = LabelledSet.load("text-analysis/labelled-feedback.tsv");
        LabelledSet.Figures figures = set.evaluate(analyser);
        System.out.println(figures.report(set.name() + " (training data of the current model, not held out)"));
        assertTrue(figures.accuracy() >= 0.9, "sentiment accuracy " + figures.accuracy());
        assertTrue(figures.frustrationRecall() >= 0.85, "frustration recall " + figures.frustrationRecall());
        assertTrue(figures.themeMicroF1() >= 0.7, "theme micro-F1 " + figures.themeMicroF1());
    }

    @Test
    void formerTuningSetNowTrainingData() {
        LabelledSet set = LabelledSet.load("text-analysis/dev-set.tsv");
        LabelledSet.Figures figures = set.evaluate(analyser);
        System.out.println(figures.report(set.name() + " (training data of the current model, not held out)"));
        assertTrue(figures.accuracy() >= 0.9, "sentiment accuracy " + figures.accuracy());
    }
}
