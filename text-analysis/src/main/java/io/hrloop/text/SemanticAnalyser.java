package io.hrloop.text;

import java.io.InputStream;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads the tone, the frustration and the subject of a feedback comment in-process: sentence embedding
 * ({@link Embedder}) plus lexicon signal ({@link LexiconSignal}) into trained linear classifiers
 * ({@link LinearModel}, {@code model.txt}).
 *
 * <ul>
 * <li>Sentiment: a three-class logistic regression; the class is the most probable one, its probability the
 * confidence, and the score P(positive) − P(negative) in [-1, 1], kept within the class's side of the neutral
 * band (±{@value #NEUTRAL_BAND}) so that a stored score always reads back as its class.</li>
 * <li>Frustration: a binary logistic regression with the decision threshold chosen at training; positive
 * comments are never frustrated.</li>
 * <li>Themes: a softmax over the taxonomy (with {@link Theme#OTHER}) blended half and half with the vote of the
 * nearest labelled examples ({@link ThemeExamples}); the most probable theme is read, and any other theme (not
 * "other") whose probability reaches the head's threshold as well: most comments are about one thing, some about
 * two. Round 2 read themes with one binary regression per theme and its own threshold, which read too many
 * (68% precision on the held-out set).</li>
 * <li>Language: English only. Another language ({@link LanguageDetector}) is flagged as unsupported and read as
 * neutral, not frustrated, theme "other", with zero confidence: never a confident score in a language the
 * model was not trained on.</li>
 * </ul>
 */
public final class SemanticAnalyser {

    /** Scores within this distance of zero read as neutral (as feedback-service reads stored scores). */
    public static final double NEUTRAL_BAND = 0.1;
    public static final String SENTIMENT = "sentiment";
    public static final String FRUSTRATED = "frustrated";
    /** The prefix of the per-theme heads of round 2 (no longer in the model). */
    public static final String THEME = "theme.";
    /** The theme head: a softmax over {@link Theme#values()}, its threshold the one for a further theme. */
    public static final String THEMES = "themes";
    /** Weight of the nearest labelled examples' vote in the theme probabilities (chosen by cross-validation). */
    public static final double THEME_EXAMPLES_WEIGHT = 0.5;
    public static final String MODEL_RESOURCE = "io/hrloop/text/model.txt";

    private final Embedder embedder;
    private final LexiconSignal lexicon;
    private final LinearModel model;
    private final LanguageDetector languages;
    private final ThemeExamples themeExamples;

    /**
     * @param score       P(positive) − P(negative), in [-1, 1]
     * @param confidence  probability of the class read, 0 when the language is unsupported
     * @param frustration probability of frustration
     * @param language    ISO 639-1 code, or "und"
     */
    public record Analysis(double score, Sentiment sentiment, double confidence, boolean frustrated,
            double frustration, Set<Theme> themes, String language, boolean unsupportedLanguage) {

        static Analysis empty(String language, boolean unsupported) {
            return new Analysis(0.0, Sentiment.NEUTRAL, 0.0, false, 0.0,
                    unsupported ? Set.of(Theme.OTHER) : Set.of(), language, unsupported);
        }
    }

    /** With the committed theme examples ({@link ThemeExamples#standard()}). */
    public SemanticAnalyser(Embedder embedder, LexiconSignal lexicon, LinearModel model, LanguageDetector languages) {
        this(embedder, lexicon, model, languages, ThemeExamples.standard());
    }

    public SemanticAnalyser(Embedder embedder, LexiconSignal lexicon, LinearModel model, LanguageDetector languages,
            ThemeExamples themeExamples) {
        if (!model.embeddingModel().equals(embedder.modelName())
                || model.featureCount() != Features.size(embedder.dimensions())
                || themeExamples.size() > 0 && themeExamples.dimensions() != embedder.dimensions()) {
            throw new IllegalArgumentException("the classifiers were trained on " + model.embeddingModel() + " with "
                    + model.featureCount() + " features, not on " + embedder.modelName());
        }
        this.embedder = embedder;
        this.lexicon = lexicon;
        this.model = model;
        this.languages = languages;
        this.themeExamples = themeExamples;
    }

    /** The analyser of this JVM's shared embedder, the shipped lexicons and the committed classifiers. */
    public static SemanticAnalyser standard() {
        return new SemanticAnalyser(E5Embedder.shared(), LexiconSignal.standard(), standardModel(),
                new LanguageDetector());
    }

    public static LinearModel standardModel() {
        try (InputStream in = SemanticAnalyser.class.getClassLoader().getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + MODEL_RESOURCE);
            }
            return LinearModel.read(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public Embedder embedder() {
        return embedder;
    }

    public Analysis analyse(String text) {
        if (text == null || text.isBlank()) {
            return Analysis.empty(LanguageDetector.ENGLISH, false);
        }
        String language = languages.detect(text);
        if (!LanguageDetector.ENGLISH.equals(language)) {
            return Analysis.empty(language, true);
        }
        return classify(text, embedder.embed(text));
    }

    /** The reading of an English {@code text} whose embedding is known already. */
    public Analysis classify(String text, float[] embedding) {
        double[] z = model.standardise(Features.of(embedding, lexicon.read(text), text));
        LinearModel.Head sentimentHead = model.head(SENTIMENT);
        double[] p = sentimentHead.probabilities(z);
        Sentiment sentiment = Sentiment.values()[argmax(p)];
        double score = scoreOf(p, sentiment, sentimentHead.threshold());
        double confidence = p[sentiment.ordinal()];
        LinearModel.Head frustratedHead = model.head(FRUSTRATED);
        double frustration = frustratedHead.probabilities(z)[0];
        boolean frustrated = frustration >= frustratedHead.threshold() && sentiment != Sentiment.POSITIVE;
        LinearModel.Head themeHead = model.head(THEMES);
        double[] themeProbabilities = blend(themeHead.probabilities(z), themeExamples.vote(embedding));
        return new Analysis(round(score), sentiment, round(confidence), frustrated, round(frustration),
                themes(themeProbabilities, themeHead.threshold()), LanguageDetector.ENGLISH, false);
    }

    /** The theme classifier's probabilities and the examples' vote, weighted by {@link #THEME_EXAMPLES_WEIGHT}. */
    static double[] blend(double[] classifier, double[] examples) {
        double[] p = new double[classifier.length];
        for (int t = 0; t < p.length; t++) {
            p[t] = (1 - THEME_EXAMPLES_WEIGHT) * classifier[t] + THEME_EXAMPLES_WEIGHT * examples[t];
        }
        return p;
    }

    /**
     * The most probable theme, and every other theme but "other" whose probability reaches {@code further}
     * (indexed by {@link Theme#ordinal()}).
     */
    static Set<Theme> themes(double[] p, double further) {
        int best = argmax(p);
        Set<Theme> themes = EnumSet.of(Theme.values()[best]);
        if (best != Theme.OTHER.ordinal()) {
            for (Theme theme : Theme.values()) {
                if (theme != Theme.OTHER && p[theme.ordinal()] >= further) {
                    themes.add(theme);
                }
            }
        }
        return Set.copyOf(themes);
    }

    /**
     * P(positive) − P(negative), moved into the band of the class read where the two disagree (a neutral
     * reading with P(positive) 0.4 and P(negative) 0.2, say), so that a stored score reads back as its class
     * with {@link #classify(double, double)}.
     */
    static double scoreOf(double[] p, Sentiment sentiment, double band) {
        double score = clamp(p[2] - p[0]);
        return switch (sentiment) {
            case POSITIVE -> Math.max(score, band);
            case NEGATIVE -> Math.min(score, -band);
            case NEUTRAL -> Math.max(-band + 0.001, Math.min(band - 0.001, score));
        };
    }

    private static int argmax(double[] p) {
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            if (p[k] > p[best]) {
                best = k;
            }
        }
        return best;
    }

    /** The class of a score: within {@code band} of zero is neutral. */
    public static Sentiment classify(double score, double band) {
        if (score >= band) {
            return Sentiment.POSITIVE;
        }
        return score <= -band ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    private static double clamp(double value) {
        return Math.max(-1.0, Math.min(1.0, value));
    }

    private static double round(double value) {
        return Math.round(value * 1000.0) / 1000.0;
    }
}
