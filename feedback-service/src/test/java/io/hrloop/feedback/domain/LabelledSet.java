package io.hrloop.feedback.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.hrloop.common.contract.Theme;

/**
 * A labelled set of feedback sentences (tab-separated: sentiment, frustrated yes/no, themes separated
 * by ';', text) and the figures of {@link TextAnalyser} on it.
 */
record LabelledSet(String name, List<Example> examples) {

    record Example(SentimentClass sentiment, boolean frustrated, Set<Theme> themes, String text) {
    }

    record Figures(int size, double accuracy, Map<SentimentClass, Double> recall, Map<SentimentClass, Double> precision,
            double frustrationRecall, double frustrationPrecision, int frustratedCount, double themeMicroF1,
            Map<Theme, Double> themeRecall, List<String> misreadSentiment, List<String> missedFrustration) {

        String report(String name) {
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "%n=== Text analysis evaluation on %s (%d labelled sentences) ===%n", name, size));
            out.append(String.format(Locale.ROOT, "sentiment accuracy (3 classes): %.1f%%%n", accuracy * 100));
            for (SentimentClass c : SentimentClass.values()) {
                out.append(String.format(Locale.ROOT, "  %-8s recall %.1f%%  precision %.1f%%%n", c.name().toLowerCase(Locale.ROOT),
                        recall.get(c) * 100, precision.get(c) * 100));
            }
            out.append(String.format(Locale.ROOT, "frustration recall: %.1f%%  precision: %.1f%%  (%d frustrated)%n",
                    frustrationRecall * 100, frustrationPrecision * 100, frustratedCount));
            out.append(String.format(Locale.ROOT, "themes micro-F1: %.1f%%; recall by theme: %s%n", themeMicroF1 * 100,
                    themeRecall.entrySet().stream().map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey().key(), e.getValue() * 100))
                            .collect(Collectors.joining(", "))));
            return out.toString();
        }
    }

    static LabelledSet load(String resource) {
        try (InputStream in = LabelledSet.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            List<Example> examples = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(LabelledSet::parse).toList();
            return new LabelledSet(resource, examples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Example parse(String line) {
        String[] cells = line.split("\t");
        if (cells.length != 4) {
            throw new IllegalArgumentException("expected 4 tab-separated cells: " + line);
        }
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        Arrays.stream(cells[2].split(";")).map(String::strip).filter(s -> !s.isEmpty()).map(Theme::of).forEach(themes::add);
        return new Example(SentimentClass.valueOf(cells[0].strip().toUpperCase(Locale.ROOT)),
                switch (cells[1].strip()) {
                    case "yes" -> true;
                    case "no" -> false;
                    default -> throw new IllegalArgumentException("frustrated must be yes or no: " + line);
                }, themes, cells[3].strip());
    }

    Figures evaluate(TextAnalyser analyser) {
        Map<SentimentClass, int[]> counts = new EnumMap<>(SentimentClass.class); // [labelled, predicted, both]
        for (SentimentClass c : SentimentClass.values()) {
            counts.put(c, new int[3]);
        }
        int correct = 0;
        int frustrated = 0;
        int frustratedFound = 0;
        int flagged = 0;
        int themeTruePositive = 0;
        int themePredicted = 0;
        int themeLabelled = 0;
        Map<Theme, int[]> themeCounts = new EnumMap<>(Theme.class);
        List<String> misread = new java.util.ArrayList<>();
        List<String> missed = new java.util.ArrayList<>();
        for (Example example : examples) {
            TextAnalyser.Analysis analysis = analyser.analyse(example.text());
            counts.get(example.sentiment())[0]++;
            counts.get(analysis.sentimentClass())[1]++;
            if (analysis.sentimentClass() == example.sentiment()) {
                correct++;
                counts.get(example.sentiment())[2]++;
            } else {
                misread.add(example.sentiment() + " read as " + analysis.sentimentClass() + " (" + analysis.sentiment() + "): " + example.text());
            }
            if (example.frustrated()) {
                frustrated++;
                if (analysis.frustrated()) {
                    frustratedFound++;
                } else {
                    missed.add(example.text());
                }
            }
            if (analysis.frustrated()) {
                flagged++;
            }
            Set<Theme> predicted = analysis.themes();
            themePredicted += predicted.size();
            themeLabelled += example.themes().size();
            for (Theme theme : example.themes()) {
                int[] c = themeCounts.computeIfAbsent(theme, t -> new int[2]);
                c[0]++;
                if (predicted.contains(theme)) {
                    c[1]++;
                    themeTruePositive++;
                }
            }
        }
        Map<SentimentClass, Double> recall = new EnumMap<>(SentimentClass.class);
        Map<SentimentClass, Double> precision = new EnumMap<>(SentimentClass.class);
        counts.forEach((c, n) -> {
            recall.put(c, n[0] == 0 ? 0 : (double) n[2] / n[0]);
            precision.put(c, n[1] == 0 ? 0 : (double) n[2] / n[1]);
        });
        double themePrecision = themePredicted == 0 ? 0 : (double) themeTruePositive / themePredicted;
        double themeRecallAll = themeLabelled == 0 ? 0 : (double) themeTruePositive / themeLabelled;
        Map<Theme, Double> themeRecall = new EnumMap<>(Theme.class);
        themeCounts.forEach((t, c) -> themeRecall.put(t, (double) c[1] / c[0]));
        return new Figures(examples.size(), (double) correct / examples.size(), recall, precision,
                frustrated == 0 ? 0 : (double) frustratedFound / frustrated, flagged == 0 ? 0 : (double) frustratedFound / flagged,
                frustrated, themePrecision + themeRecallAll == 0 ? 0 : 2 * themePrecision * themeRecallAll / (themePrecision + themeRecallAll),
                themeRecall, misread, missed);
    }
}
