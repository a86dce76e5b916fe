package io.hrloop.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Matching measured on a file of labelled gaps (complaints grouped by the gap they are about, within an area; tab
 * separated: area, gap, theme, text). Every complaint is matched against the items of its area, each item holding
 * the other complaints of one gap as its evidence ({@link EvidenceProfile}), with the area's centre from all the
 * area's complaints ({@link GapSimilarity#areaCentre}), twice:
 * <ul>
 * <li>with its own gap's item among them: joining the best item when it reaches the threshold is right if that
 * item is its gap's ("known gap": the measure of rounds 1 and 2);</li>
 * <li>without it (a new gap): any join is wrong, the complaint must open an item of its own.</li>
 * </ul>
 * The decision's precision is right joins over all joins, its recall right joins over complaints; "known gap" counts
 * only the first case, "with new gaps" both. Also printed: precision and recall over labelled pairs, a complaint
 * and an item (same gap or not), and a complaint and another complaint (an item of one).
 */
record GapEvaluation(String name, int complaints, List<Outcome> outcomes, List<double[]> itemPairs,
        List<double[]> complaintPairs) {

    record Complaint(String area, String gap, String text, float[] embedding) {
    }

    /** One complaint: its best item's score with its gap's item present, whether that item is right, and the best without it. */
    record Outcome(double known, boolean right, double novel) {
    }

    static List<Complaint> read(String resource, Embedder embedder) {
        try {
            Path file = Path.of(GapEvaluation.class.getClassLoader().getResource(resource).toURI());
            List<Complaint> complaints = new ArrayList<>();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 4) {
                    throw new IllegalArgumentException(resource + ": expected area, gap, theme, text: " + line);
                }
                complaints.add(new Complaint(cells[0], cells[1], cells[3], embedder.embed(cells[3])));
            }
            return complaints;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static GapEvaluation of(String name, List<Complaint> complaints) {
        Map<String, RunningMean> areas = new HashMap<>();
        for (Complaint c : complaints) {
            areas.computeIfAbsent(c.area(), a -> new RunningMean(c.embedding().length)).add(c.embedding());
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<double[]> itemPairs = new ArrayList<>();
        List<double[]> complaintPairs = new ArrayList<>();
        for (int i = 0; i < complaints.size(); i++) {
            Complaint c = complaints.get(i);
            float[] centre = GapSimilarity.areaCentre(areas.get(c.area()));
            Map<String, EvidenceProfile> items = new LinkedHashMap<>();
            for (int j = 0; j < complaints.size(); j++) {
                Complaint other = complaints.get(j);
                if (j != i && other.area().equals(c.area())) {
                    items.computeIfAbsent(other.gap(), g -> new EvidenceProfile(other.embedding().length)).add(other.embedding());
                    if (j > i) {
                        EvidenceProfile single = new EvidenceProfile(other.embedding().length);
                        single.add(other.embedding());
                        complaintPairs.add(new double[] {GapSimilarity.score(c.embedding(), single, centre), same(c, other)});
                    }
                }
            }
            double best = -2;
            String bestGap = null;
            double bestOther = -2;
            for (Map.Entry<String, EvidenceProfile> item : items.entrySet()) {
                double score = GapSimilarity.score(c.embedding(), item.getValue(), centre);
                boolean own = item.getKey().equals(c.gap());
                itemPairs.add(new double[] {score, own ? 1 : 0});
                if (score > best) {
                    best = score;
                    bestGap = item.getKey();
                }
                if (!own) {
                    bestOther = Math.max(bestOther, score);
                }
            }
            outcomes.add(new Outcome(best, c.gap().equals(bestGap), bestOther));
        }
        return new GapEvaluation(name, complaints.size(), outcomes, itemPairs, complaintPairs);
    }

    private static double same(Complaint a, Complaint b) {
        return a.gap().equals(b.gap()) ? 1 : 0;
    }

    /** Precision and recall of the decision with its gap's item present only. */
    static double[] knownGap(List<Outcome> outcomes, double threshold) {
        int joined = 0;
        int right = 0;
        for (Outcome o : outcomes) {
            if (o.known() >= threshold) {
                joined++;
                right += o.right() ? 1 : 0;
            }
        }
        return new double[] {joined == 0 ? 1 : (double) right / joined, (double) right / outcomes.size()};
    }

    /** Precision and recall of the decision, each complaint once with its gap's item and once as a new gap. */
    static double[] withNewGaps(List<Outcome> outcomes, double threshold) {
        int joined = 0;
        int right = 0;
        for (Outcome o : outcomes) {
            if (o.known() >= threshold) {
                joined++;
                right += o.right() ? 1 : 0;
            }
            if (o.novel() >= threshold) {
                joined++;
            }
        }
        return new double[] {joined == 0 ? 1 : (double) right / joined, (double) right / outcomes.size()};
    }

    static double[] pairs(List<double[]> pairs, double threshold) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (double[] p : pairs) {
            boolean joined = p[0] >= threshold;
            if (joined && p[1] == 1) {
                tp++;
            } else if (joined) {
                fp++;
            } else if (p[1] == 1) {
                fn++;
            }
        }
        return new double[] {tp + fp == 0 ? 1 : (double) tp / (tp + fp), (double) tp / (tp + fn)};
    }

    /** The threshold (in steps of 0.001) with the best recall at a precision of at least 0.9 with new gaps. */
    static double chooseThreshold(List<Outcome> outcomes) {
        double best = 1;
        double bestRecall = -1;
        for (int step = -200; step <= 600; step++) {
            double threshold = step / 1000.0;
            double[] figures = withNewGaps(outcomes, threshold);
            if (figures[0] >= 0.9 && figures[1] > bestRecall + 1e-12) {
                bestRecall = figures[1];
                best = threshold;
            }
        }
        return best;
    }

    String report(double threshold) {
        StringBuilder out = new StringBuilder();
        long sameItems = itemPairs.stream().filter(p -> p[1] == 1).count();
        long sameComplaints = complaintPairs.stream().filter(p -> p[1] == 1).count();
        out.append(String.format(Locale.ROOT, "%n=== Matching on %s: %d complaints; %d complaint-item pairs (%d same gap), %d complaint pairs (%d same gap) ===%n",
                name, complaints, itemPairs.size(), sameItems, complaintPairs.size(), sameComplaints));
        out.append(String.format(Locale.ROOT, "threshold  known gap P / R   with new gaps P / R   complaint-item pairs P / R   complaint pairs P / R%n"));
        for (double t : new double[] {0.0, 0.04, 0.06, threshold, 0.1, 0.12, 0.15, 0.2, 0.3}) {
            double[] known = knownGap(outcomes, t);
            double[] strict = withNewGaps(outcomes, t);
            double[] items = pairs(itemPairs, t);
            double[] single = pairs(complaintPairs, t);
            out.append(String.format(Locale.ROOT, "%s%8.3f  %6.3f / %.3f     %6.3f / %.3f         %6.3f / %.3f                %6.3f / %.3f%n",
                    t == threshold ? "*" : " ", t, known[0], known[1], strict[0], strict[1], items[0], items[1], single[0], single[1]));
        }
        double[] known = knownGap(outcomes, threshold);
        double[] strict = withNewGaps(outcomes, threshold);
        out.append(String.format(Locale.ROOT, "at the threshold %.3f: the join decision, known gap: precision %.3f recall %.3f; with new gaps: precision %.3f recall %.3f (target: precision 0.9 at recall 0.8)%n",
                threshold, known[0], known[1], strict[0], strict[1]));
        return out.toString();
    }
}
