package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * The analyser on the held-out set: sentences written after the classifiers were frozen and never used to
 * train or tune them. Prints the figures and asserts the targets where the first run met them.
 *
 * <p>First runs (docs/held-out-round-N-first-run.txt; each set became training data at the start of the next round):
 * <ul>
 * <li>round 1 (304 sentences): accuracy 87.8%, class recall ≥ 84.9%, frustration recall 93.0% at precision 74.1%,
 * themes micro-F1 73.7%: accuracy, frustration precision and themes missed.</li>
 * <li>round 2 (303 sentences): accuracy 88.8%, class recall ≥ 86.6%, frustration recall 87.2% at precision 85.0%,
 * themes micro-F1 73.4%: themes missed.</li>
 * <li>round 3 (350 sentences): accuracy 93.7%, class recall ≥ 93.3%, frustration recall 95.5% at precision 66.7%,
 * themes micro-F1 81.6%: frustration precision missed (target 75%).</li>
 * <li>round 4 (303 sentences, training data since round 5): accuracy 91.7%, class recall ≥ 89.9%, frustration recall 74.4% at precision
 * 78.0%, themes micro-F1 84.8%: frustration recall missed (target 85%; most misses are sarcasm read as praise).</li>
 * <li>round 5 (313 sentences, this set): accuracy 89.5%, class recall ≥ 81.1%, frustration recall 89.1% at precision
 * 75.9%, themes micro-F1 76.1%: every target met (narrowly); the targets are asserted.</li>
 * </ul>
 */
class HeldOutEvaluationTest {

    static final String HELD_OUT = "io/hrloop/text/corpus/held-out/round-5.tsv";

    private final SemanticAnalyser analyser = new SemanticAnalyser(CachedEmbedder.shared(), LexiconSignal.standard(),
            SemanticAnalyser.standardModel(), new LanguageDetector());

    @Test
    void meetsTheTargetsOnTheHeldOutSet() {
        assumeTrue(getClass().getClassLoader().getResource(HELD_OUT) != null, "the round-5 set is written after the model is frozen");
        LabelledCorpus set = LabelledCorpus.file(HELD_OUT);
        assertTrue(set.examples().size() >= 300, "at least 300 held-out sentences");
        Evaluation figures = Evaluation.of(set.examples(), analyser::analyse);
        System.out.println(figures.report("Held-out set round 5"));
        System.out.println(figures.themeConfusionReport());
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
