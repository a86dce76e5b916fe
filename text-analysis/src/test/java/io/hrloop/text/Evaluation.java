package io.hrloop.text;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The figures of an analyser on a labelled corpus, as the issue asks them. */
record Evaluation(int size, double accuracy, Map<Sentiment, Double> recall, Map<Sentiment, Double> precision,
        double frustrationRecall, double frustrationPrecision, int frustratedCount, double themePrecision,
        double themeRecall, double themeMicroF1, Map<Theme, Double> recallByTheme, List<String> misread,
        List<String> missedFrustration, List<String> falseFrustration, int[][] themeConfusion) {

    static Evaluation of(List<LabelledCorpus.Example> examples, Function<String, SemanticAnalyser.Analysis> analyser) {
        Map<Sentiment, int[]> counts = new EnumMap<>(Sentiment.class); // labelled, predicted, both
        for (Sentiment s : Sentiment.values()) {
            counts.put(s, new int[3]);
        }
        int correct = 0;
        int frustrated = 0;
        int found = 0;
        int flagged = 0;
        int themeBoth = 0;
        int themePredicted = 0;
        int themeLabelled = 0;
        Map<Theme, int[]> byTheme = new EnumMap<>(Theme.class);
        // labelled × read, then read wrongly, then labelled
        int[][] confusion = new int[Theme.values().length][Theme.values().length + 2];
        List<String> misread = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        List<String> falseAlarms = new ArrayList<>();
        for (LabelledCorpus.Example example : examples) {
            SemanticAnalyser.Analysis analysis = analyser.apply(example.text());
            counts.get(example.sentiment())[0]++;
            counts.get(analysis.sentiment())[1]++;
            if (analysis.sentiment() == example.sentiment()) {
                correct++;
                counts.get(example.sentiment())[2]++;
            } else {
                misread.add(example.sentiment() + " read as " + analysis.sentiment() + " (" + analysis.score() + "): "
                        + example.text());
            }
            if (example.frustrated()) {
                frustrated++;
                if (analysis.frustrated()) {
                    found++;
                } else {
                    missed.add("(" + analysis.frustration() + ") " + example.text());
                }
            }
            if (analysis.frustrated()) {
                flagged++;
                if (!example.frustrated()) {
                    falseAlarms.add("(" + analysis.frustration() + ") " + example.text());
                }
            }
            Set<Theme> predicted = analysis.themes();
            for (Theme labelled : example.themes()) {
                confusion[labelled.ordinal()][Theme.values().length + 1]++;
                for (Theme read : predicted) {
                    confusion[labelled.ordinal()][read.ordinal()]++;
                }
            }
            for (Theme read : predicted) {
                if (!example.themes().contains(read)) {
                    confusion[read.ordinal()][Theme.values().length]++;
                }
            }
            themePredicted += predicted.size();
            themeLabelled += example.themes().size();
            for (Theme theme : example.themes()) {
                int[] c = byTheme.computeIfAbsent(theme, t -> new int[2]);
                c[0]++;
                if (predicted.contains(theme)) {
                    c[1]++;
                    themeBoth++;
                }
            }
        }
        Map<Sentiment, Double> recall = new EnumMap<>(Sentiment.class);
        Map<Sentiment, Double> precision = new EnumMap<>(Sentiment.class);
        counts.forEach((c, n) -> {
            recall.put(c, n[0] == 0 ? 0 : (double) n[2] / n[0]);
            precision.put(c, n[1] == 0 ? 0 : (double) n[2] / n[1]);
        });
        double tp = themePredicted == 0 ? 0 : (double) themeBoth / themePredicted;
        double tr = themeLabelled == 0 ? 0 : (double) themeBoth / themeLabelled;
        Map<Theme, Double> recallByTheme = new EnumMap<>(Theme.class);
        byTheme.forEach((t, c) -> recallByTheme.put(t, (double) c[1] / c[0]));
        return new Evaluation(examples.size(), (double) correct / examples.size(), recall, precision,
                frustrated == 0 ? 0 : (double) found / frustrated, flagged == 0 ? 0 : (double) found / flagged,
                frustrated, tp, tr, tp + tr == 0 ? 0 : 2 * tp * tr / (tp + tr), recallByTheme, misread, missed,
                falseAlarms, confusion);
    }

    double minimumClassRecall() {
        return recall.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    String report(String title) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n=== %s (%d labelled sentences) ===%n", title, size));
        out.append(String.format(Locale.ROOT, "sentiment accuracy (3 classes): %.1f%%%n", accuracy * 100));
        for (Sentiment c : Sentiment.values()) {
            out.append(String.format(Locale.ROOT, "  %-8s recall %.1f%%  precision %.1f%%%n",
                    c.name().toLowerCase(Locale.ROOT), recall.get(c) * 100, precision.get(c) * 100));
        }
        out.append(String.format(Locale.ROOT, "frustration recall %.1f%%  precision %.1f%%  (%d frustrated)%n",
                frustrationRecall * 100, frustrationPrecision * 100, frustratedCount));
        out.append(String.format(Locale.ROOT, "themes micro-F1 %.1f%% (precision %.1f%%, recall %.1f%%); recall by theme: %s%n",
                themeMicroF1 * 100, themePrecision * 100, themeRecall * 100,
                recallByTheme.entrySet().stream()
                        .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey().key(), e.getValue() * 100))
                        .collect(Collectors.joining(", "))));
        return out.toString();
    }

    /**
     * Per labelled theme (rows), how often each theme was read (columns), then per theme how often it was read
     * where it was not labelled, and its precision and recall.
     */
    String themeConfusionReport() {
        StringBuilder out = new StringBuilder("themes: labelled (rows) × read (columns); 'wrong' = read but not labelled\n");
        out.append(String.format(Locale.ROOT, "%-14s", ""));
        for (Theme t : Theme.values()) {
            out.append(String.format(Locale.ROOT, " %6.6s", t.key()));
        }
        out.append("  wrong  precision recall\n");
        for (Theme t : Theme.values()) {
            int[] row = themeConfusion[t.ordinal()];
            out.append(String.format(Locale.ROOT, "%-14s", t.key()));
            for (int c = 0; c < Theme.values().length; c++) {
                out.append(String.format(Locale.ROOT, "%7d", row[c]));
            }
            int right = row[t.ordinal()];
            int wrong = row[Theme.values().length];
            int labelled = row[Theme.values().length + 1];
            out.append(String.format(Locale.ROOT, "%7d  %8.1f%% %5.1f%%%n", wrong,
                    right + wrong == 0 ? 0 : 100.0 * right / (right + wrong), labelled == 0 ? 0 : 100.0 * right / labelled));
        }
        return out.toString();
    }
}
