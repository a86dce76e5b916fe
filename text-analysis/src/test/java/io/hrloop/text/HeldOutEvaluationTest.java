package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The analyser on the held-out set: sentences written after the classifiers were frozen and never used to
 * train or tune them. Prints the figures and asserts the targets where the first run met them.
 *
 * <p>First runs (docs/held-out-round-N-first-run.txt):
 * <ul>
 * <li>round 1 (304 sentences): accuracy 87.8%, class recall ≥ 84.9%, frustration recall 93.0% at precision 74.1%,
 * themes micro-F1 73.7%: accuracy, frustration precision and themes missed; the set became training data.</li>
 * <li>round 2 (303 sentences, this set): accuracy 88.8%, class recall ≥ 86.6%, frustration recall 87.2% at
 * precision 85.0%, themes micro-F1 73.4%. The themes target (75%) is missed: asserted here is a floor of 72%,
 * below what the first run gave, not the target.</li>
 * </ul>
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
        // Target 0.75, missed at the first run (0.734): a floor, not the target.
        assertTrue(figures.themeMicroF1() >= 0.72, "themes micro-F1 " + figures.themeMicroF1());
    }
}
