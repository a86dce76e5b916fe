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
 * <li>Sentiment: a three-class logistic regression blended with the vote of the nearest labelled examples
 * ({@link LabelledExamples}, weight {@value #EXAMPLES_WEIGHT}); the class is the most probable one, its probability
 * the confidence, and the score P(positive) − P(negative) in [-1, 1], kept within the class's side of the neutral
 * band (±{@value #NEUTRAL_BAND}) so that a stored score always reads back as its class.</li>
 * <li>Frustration: a binary logistic regression blended in the same way, with the decision threshold chosen at
 * training; positive comments are never frustrated, and a positive reading with a frustration probability of at
 * least {@link #SARCASM_THRESHOLD} is read as a frustrated complaint (sarcasm).</li>
 * <li>Themes: a softmax over the taxonomy (with {@link Theme#OTHER}) blended half and half with the vote of the
 * nearest labelled examples ({@link LabelledExamples}); the most probable theme is read, and any other theme (not
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
    /**
     * Weight of the nearest labelled examples' vote in the sentiment and frustration probabilities (chosen on held-out
     * round 2 after its first run: 88.8% three-class accuracy without the vote, 91.4% with it, frustration precision
     * 85.0% and 87.2% at the same recall).
     */
    public static final double EXAMPLES_WEIGHT = 0.3;
    /**
     * A comment read as positive whose frustration probability reaches this is read as a frustrated complaint: the
     * words praise, the facts complain (sarcasm: "Fantastic turnaround on my expenses, only eleven weeks"), and a
     * frustrated comment is never positive. Chosen by 5-fold cross-validation on the training corpus in round 5
     * ({@code ModelTraining.bestSarcasmThreshold}, checked by {@code ModelTrainingTest}); round 4's held-out set
     * read 10 of its 11 missed frustrations as praise.
     */
    public static final double SARCASM_THRESHOLD = 0.49;
    public static final String MODEL_RESOURCE = "io/hrloop/text/model.txt";

    private final Embedder embedder;
    private final LexiconSignal lexicon;
    private final LinearModel model;
    private final LanguageDetector languages;
    private final LabelledExamples examples;

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

    /** With the committed labelled examples ({@link LabelledExamples#standard()}). */
    public SemanticAnalyser(Embedder embedder, LexiconSignal lexicon, LinearModel model, LanguageDetector languages) {
        this(embedder, lexicon, model, languages, LabelledExamples.standard());
    }

    public SemanticAnalyser(Embedder embedder, LexiconSignal lexicon, LinearModel model, LanguageDetector languages,
            LabelledExamples examples) {
        if (!model.embeddingModel().equals(embedder.modelName())
                || model.featureCount() != Features.size(embedder.dimensions())
                || examples.size() > 0 && examples.dimensions() != embedder.dimensions()) {
            throw new IllegalArgumentException("the classifiers were trained on " + model.embeddingModel() + " with "
                    + model.featureCount() + " features, not on " + embedder.modelName());
        }
        this.embedder = embedder;
        this.lexicon = lexicon;
        this.model = model;
        this.languages = languages;
        this.examples = examples;
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
        return analyseEmbedded(text).analysis();
    }

    /** An analysis and the embedding it read: null when nothing was embedded (a blank text, another language). */
    public record Embedded(Analysis analysis, float[] embedding) {
    }

    /** {@link #analyse}, with the text's embedding, for a caller that hands it on. */
    public Embedded analyseEmbedded(String text) {
        if (text == null || text.isBlank()) {
            return new Embedded(Analysis.empty(LanguageDetector.ENGLISH, false), null);
        }
        String language = languages.detect(text);
        if (!LanguageDetector.ENGLISH.equals(language)) {
            return new Embedded(Analysis.empty(language, true), null);
        }
        float[] embedding = embedder.embed(text);
        return new Embedded(classify(text, embedding), embedding);
    }

    /** The reading of an English {@code text} whose embedding is known already. */
    public Analysis classify(String text, float[] embedding) {
        double[] z = model.standardise(Features.of(embedding, lexicon.read(text), text));
        LabelledExamples.Vote vote = examples.vote(embedding);
        LinearModel.Head sentimentHead = model.head(SENTIMENT);
        LinearModel.Head frustratedHead = model.head(FRUSTRATED);
        LinearModel.Head themeHead = model.head(THEMES);
        return read(blend(sentimentHead.probabilities(z), vote.sentiment(), EXAMPLES_WEIGHT),
                blend(frustratedHead.probabilities(z), new double[] {vote.frustration()}, EXAMPLES_WEIGHT)[0],
                blend(themeHead.probabilities(z), vote.themes(), THEME_EXAMPLES_WEIGHT),
                sentimentHead.threshold(), frustratedHead.threshold(), themeHead.threshold(), SARCASM_THRESHOLD);
    }

    /**
     * The reading from the blended probabilities: the most probable sentiment (its probability the confidence),
     * frustration from its threshold unless positive, the themes by {@link #themes}. A positive reading whose
     * frustration reaches {@code sarcasm} is read as negative and frustrated instead, its confidence the frustration
     * probability and its score at the negative edge of the neutral band.
     */
    static Analysis read(double[] sentimentProbabilities, double frustration, double[] themeProbabilities, double band,
            double frustrationThreshold, double furtherTheme, double sarcasm) {
        Sentiment sentiment = Sentiment.values()[argmax(sentimentProbabilities)];
        double confidence = sentimentProbabilities[sentiment.ordinal()];
        if (sentiment == Sentiment.POSITIVE && frustration >= sarcasm) {
            sentiment = Sentiment.NEGATIVE;
            confidence = frustration;
        }
        double score = scoreOf(sentimentProbabilities, sentiment, band);
        boolean frustrated = frustration >= frustrationThreshold && sentiment != Sentiment.POSITIVE;
        return new Analysis(round(score), sentiment, round(confidence), frustrated,
                round(frustration), themes(themeProbabilities, furtherTheme), LanguageDetector.ENGLISH, false);
    }

    /** A classifier's probabilities and the examples' vote, the vote weighing {@code weight}. */
    static double[] blend(double[] classifier, double[] vote, double weight) {
        double[] p = new double[classifier.length];
        for (int t = 0; t < p.length; t++) {
            p[t] = (1 - weight) * classifier[t] + weight * vote[t];
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
