package io.hrloop.text;

import java.util.ArrayList;
import java.util.List;

/**
 * The inputs of the classifiers: the sentence embedding, followed by what the lexicons read
 * ({@link LexiconSignal}) and a few surface signs. The order is part of the trained weights: a change here
 * needs a retraining ({@code ModelTraining}).
 */
public final class Features {

    /** Names of the features after the embedding, in order. */
    public static final List<String> EXTRA = List.copyOf(extraNames());

    private Features() {
    }

    public static int size(int dimensions) {
        return dimensions + EXTRA.size();
    }

    public static double[] of(float[] embedding, LexiconSignal.Reading reading, String text) {
        double[] x = new double[size(embedding.length)];
        for (int i = 0; i < embedding.length; i++) {
            x[i] = embedding[i];
        }
        int at = embedding.length;
        x[at++] = reading.score();
        x[at++] = Math.min(reading.frustrationCues(), 4);
        x[at++] = Math.min(reading.emphasis(), 2);
        x[at++] = reading.negation() ? 1 : 0;
        x[at++] = reading.frustrated() ? 1 : 0;
        for (Theme theme : Theme.values()) {
            x[at++] = reading.themes().contains(theme) ? 1 : 0;
        }
        String stripped = text == null ? "" : text.strip();
        x[at++] = Math.min(count(stripped, '!'), 3);
        x[at++] = Math.min(count(stripped, '?'), 3);
        x[at++] = Math.log1p(stripped.isEmpty() ? 0 : stripped.split("\\s+").length);
        return x;
    }

    private static List<String> extraNames() {
        List<String> names = new ArrayList<>(List.of("lexicon.score", "lexicon.frustration-cues", "lexicon.emphasis",
                "lexicon.negation", "lexicon.frustrated"));
        for (Theme theme : Theme.values()) {
            names.add("lexicon.theme." + theme.key());
        }
        names.addAll(List.of("exclamations", "questions", "log-words"));
        return names;
    }

    private static int count(String text, char c) {
        return (int) text.chars().filter(x -> x == c).count();
    }
}
