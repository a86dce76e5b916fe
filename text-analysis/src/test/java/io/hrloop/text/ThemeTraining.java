package io.hrloop.text;

import java.util.List;
import java.util.Set;

/**
 * The theme part of {@link ModelTraining}: one softmax over the eight themes instead of a binary regression per
 * theme, and the threshold from which a further theme is read.
 */
final class ThemeTraining {

    private ThemeTraining() {
    }

    /**
     * The softmax head: a sentence labelled with two themes is a half example of each; example weights balance the
     * themes halfway (the square root of the full balancing weight), as for the binary heads.
     */
    static LinearModel.Head head(double[][] z, List<LabelledCorpus.Example> examples, double l2, int epochs,
            double rate, double furtherThreshold) {
        int n = z.length;
        int k = Theme.values().length;
        double[][] targets = new double[n][k];
        double[] share = new double[k];
        for (int i = 0; i < n; i++) {
            Set<Theme> themes = examples.get(i).themes();
            for (Theme theme : themes) {
                targets[i][theme.ordinal()] += 1.0 / themes.size();
                share[theme.ordinal()] += 1.0 / themes.size();
            }
        }
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            for (int t = 0; t < k; t++) {
                if (targets[i][t] > 0) {
                    weights[i] += targets[i][t] * Math.sqrt(n / (k * Math.max(share[t], 1)));
                }
            }
        }
        double[] bias = new double[k];
        double[][] w = Logistic.fit(z, targets, weights, true, l2, epochs, rate, bias);
        List<String> labels = java.util.Arrays.stream(Theme.values()).map(Theme::key).toList();
        return new LinearModel.Head(SemanticAnalyser.THEMES, LinearModel.Kind.SOFTMAX, furtherThreshold, labels, w, bias);
    }

    /** The threshold for a further theme with the best micro-F1 on out-of-fold probabilities (0.20 to 0.60). */
    static double bestFurtherThreshold(double[][] p, List<LabelledCorpus.Example> examples) {
        double best = 0.5;
        double bestValue = -1;
        for (int step = 20; step <= 60; step++) {
            double threshold = step / 100.0;
            double value = microF1(p, examples, threshold);
            if (value > bestValue + 1e-12) {
                bestValue = value;
                best = threshold;
            }
        }
        return best;
    }

    static double microF1(double[][] p, List<LabelledCorpus.Example> examples, double further) {
        int both = 0;
        int read = 0;
        int labelled = 0;
        for (int i = 0; i < p.length; i++) {
            Set<Theme> predicted = SemanticAnalyser.themes(p[i], further);
            Set<Theme> themes = examples.get(i).themes();
            read += predicted.size();
            labelled += themes.size();
            both += (int) predicted.stream().filter(themes::contains).count();
        }
        double precision = (double) both / read;
        double recall = (double) both / labelled;
        return both == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }
}
