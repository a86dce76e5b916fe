package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Matching ({@link GapSimilarity}) measured on labelled gaps ({@link GapEvaluation} says how). The threshold is
 * chosen on the training gaps ({@code matching/gaps.tsv} of round 1, 138 complaints about 34 gaps;
 * {@code matching/gaps-2.tsv} of round 3, 160 complaints about 32 gaps; each file's areas on their own, as a
 * labelled set holds four or five gaps an area): the threshold with the best recall at precision 0.9 with new gaps,
 * which this test reproduces.
 */
class MatchingEvaluationTest {

    static final List<String> TRAINING = List.of("io/hrloop/text/matching/gaps.tsv", "io/hrloop/text/matching/gaps-2.tsv");

    @Test
    void theThresholdIsTheOneTheTrainingGapsChoose() {
        List<GapEvaluation.Outcome> pooled = new ArrayList<>();
        for (String resource : TRAINING) {
            GapEvaluation evaluation = GapEvaluation.of(resource, GapEvaluation.read(resource, CachedEmbedder.shared()));
            System.out.println(evaluation.report(GapSimilarity.THRESHOLD));
            pooled.addAll(evaluation.outcomes());
        }
        double chosen = GapEvaluation.chooseThreshold(pooled);
        double[] known = GapEvaluation.knownGap(pooled, chosen);
        double[] strict = GapEvaluation.withNewGaps(pooled, chosen);
        System.out.printf("training gaps together: threshold %.3f; known gap P %.3f R %.3f, with new gaps P %.3f R %.3f%n",
                chosen, known[0], known[1], strict[0], strict[1]);
        assertEquals(GapSimilarity.THRESHOLD, chosen, 0.005, "GapSimilarity.THRESHOLD is what the training gaps choose");
    }
}
