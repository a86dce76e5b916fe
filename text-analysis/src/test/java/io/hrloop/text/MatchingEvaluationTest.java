package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * Matching measured on labelled gaps ({@code matching/gaps.tsv}: 138 complaints about 34 gaps in 8 areas).
 * Every pair of complaints of one area is labelled same gap or different gap (1,141 pairs, 212 same gap, 136
 * different gaps sharing their theme). Printed: precision and recall of {@link GapSimilarity} over the
 * pairs at every threshold and at the chosen one, and of the matching decision itself (each complaint
 * against the other complaints of its area grouped into items: it joins the best item if that reaches the
 * threshold).
 *
 * <p>The issue's target (precision ≥ 0.9 at recall ≥ 0.8 on pairs) is NOT met: at the chosen threshold,
 * pairs give precision 0.90 at recall 0.29, and the decision precision 0.91 at recall 0.62 (area centres drawn
 * towards the HR prior as {@link GapSimilarity#areaCentre} does). The assertions hold floors just below what
 * was achieved, not the target.
 */
class MatchingEvaluationTest {

    private record Complaint(String area, String gap, String text, float[] embedding, Set<Theme> themes) {
    }

    @Test
    void printsPrecisionAndRecallOnTheLabelledPairs() throws IOException, URISyntaxException {
        SemanticAnalyser analyser = new SemanticAnalyser(CachedEmbedder.shared(), LexiconSignal.standard(),
                SemanticAnalyser.standardModel(), new LanguageDetector());
        List<Complaint> complaints = new ArrayList<>();
        Path file = Path.of(getClass().getClassLoader().getResource("io/hrloop/text/matching/gaps.tsv").toURI());
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            complaints.add(new Complaint(cells[0], cells[1], cells[3], CachedEmbedder.shared().embed(cells[3]),
                    analyser.analyse(cells[3]).themes()));
        }
        Map<String, RunningMean> centres = new HashMap<>();
        for (Complaint c : complaints) {
            centres.computeIfAbsent(c.area(), a -> new RunningMean(c.embedding().length)).add(c.embedding());
        }
        List<double[]> pairs = new ArrayList<>(); // score, same gap
        for (int i = 0; i < complaints.size(); i++) {
            for (int j = i + 1; j < complaints.size(); j++) {
                Complaint a = complaints.get(i);
                Complaint b = complaints.get(j);
                if (a.area().equals(b.area())) {
                    float[] centre = GapSimilarity.areaCentre(centres.get(a.area()));
                    pairs.add(new double[] {GapSimilarity.score(GapSimilarity.centred(a.embedding(), centre),
                            GapSimilarity.centred(b.embedding(), centre), shared(a, b)), a.gap().equals(b.gap()) ? 1 : 0});
                }
            }
        }
        long same = pairs.stream().filter(p -> p[1] == 1).count();
        System.out.printf(Locale.ROOT, "%n=== Matching: %d labelled pairs of complaints in one area (%d same gap) ===%n",
                pairs.size(), same);
        for (int step = 0; step <= 10; step++) {
            double threshold = step * 0.05;
            double[] pr = pairFigures(pairs, threshold);
            System.out.printf(Locale.ROOT, "  threshold %.2f: precision %.3f recall %.3f%n", threshold, pr[0], pr[1]);
        }
        double[] chosen = pairFigures(pairs, GapSimilarity.THRESHOLD);
        System.out.printf(Locale.ROOT, "pairs at the chosen threshold %.2f: precision %.3f recall %.3f (target: 0.9 at 0.8, not met)%n",
                GapSimilarity.THRESHOLD, chosen[0], chosen[1]);

        int joined = 0;
        int right = 0;
        for (Complaint c : complaints) {
            Map<String, EvidenceProfile> items = new HashMap<>();
            Map<String, Set<Theme>> itemThemes = new HashMap<>();
            for (Complaint other : complaints) {
                if (other != c && other.area().equals(c.area())) {
                    items.computeIfAbsent(other.gap(), g -> new EvidenceProfile(other.embedding().length)).add(other.embedding());
                    itemThemes.computeIfAbsent(other.gap(), g -> EnumSet.noneOf(Theme.class)).addAll(other.themes());
                }
            }
            String best = null;
            double bestScore = -2;
            for (Map.Entry<String, EvidenceProfile> item : items.entrySet()) {
                Set<Theme> common = EnumSet.copyOf(itemThemes.get(item.getKey()));
                common.retainAll(c.themes());
                double score = GapSimilarity.score(c.embedding(), item.getValue(), GapSimilarity.areaCentre(centres.get(c.area())), !common.isEmpty());
                if (score > bestScore) {
                    bestScore = score;
                    best = item.getKey();
                }
            }
            if (bestScore >= GapSimilarity.THRESHOLD) {
                joined++;
                if (c.gap().equals(best)) {
                    right++;
                }
            }
        }
        double decisionPrecision = joined == 0 ? 0 : (double) right / joined;
        double decisionRecall = (double) right / complaints.size();
        System.out.printf(Locale.ROOT, "matching decision (each complaint against the items of its area): joined %d of %d,"
                + " %d to the right item: precision %.3f recall %.3f%n", joined, complaints.size(), right,
                decisionPrecision, decisionRecall);
        assertTrue(pairs.size() >= 300 && same >= 100, "enough labelled pairs");
        assertTrue(chosen[0] >= 0.88, "pair precision " + chosen[0] + " (a floor: the 0.9 target is just missed)");
        assertTrue(chosen[1] >= 0.25, "pair recall " + chosen[1] + " (a floor: the 0.8 target is not met)");
        assertTrue(decisionPrecision >= 0.90, "decision precision " + decisionPrecision);
        assertTrue(decisionRecall >= 0.55, "decision recall " + decisionRecall + " (a floor)");
    }

    private static boolean shared(Complaint a, Complaint b) {
        Set<Theme> common = EnumSet.copyOf(a.themes());
        common.retainAll(b.themes());
        return !common.isEmpty();
    }

    private static double[] pairFigures(List<double[]> pairs, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (double[] p : pairs) {
            boolean predicted = p[0] >= threshold;
            if (predicted && p[1] == 1) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (p[1] == 1) {
                fn++;
            }
        }
        return new double[] {tp + fp == 0 ? 0 : (double) tp / (tp + fp), (double) tp / (tp + fn)};
    }
}
