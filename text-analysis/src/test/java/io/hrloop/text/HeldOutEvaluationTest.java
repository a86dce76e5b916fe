package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The analyser on the held-out set: sentences written after the classifiers were frozen and never used to
 * train or tune them. Prints the figures; asserts the targets.
 */
class HeldOutEvaluationTest {

    private final SemanticAnalyser analyser = new SemanticAnalyser(CachedEmbedder.shared(), LexiconSignal.standard(),
            SemanticAnalyser.standardModel(), new LanguageDetector());

    @Test
    void meetsTheTargetsOnTheHeldOutSet() {
        LabelledCorpus set = LabelledCorpus.file("io/hrloop/text/corpus/held-out/round-2.tsv");
        assertTrue(set.examples().size() >= 300, "at least 300 held-out sentences");
        Evaluation figures = Evaluation.of(set.examples(), analyser::analyse);
        System.out.println(figures.report("Held-out set round 2"));
        figures.misread().forEach(line -> System.out.println("  misread: " + line));
        figures.missedFrustration().forEach(line -> System.out.println("  frustration missed: " + line));
        figures.falseFrustration().forEach(line -> System.out.println("  frustration flagged wrongly: " + line));
        assertTrue(figures.accuracy() >= 0.88, "three-class accuracy " + figures.accuracy());
        assertTrue(figures.minimumClassRecall() >= 0.80, "per-class recall " + figures.recall());
        assertTrue(figures.frustrationRecall() >= 0.85, "frustration recall " + figures.frustrationRecall());
        assertTrue(figures.frustrationPrecision() >= 0.75, "frustration precision " + figures.frustrationPrecision());
        assertTrue(figures.themeMicroF1() >= 0.75, "themes micro-F1 " + figures.themeMicroF1());
    }
}
