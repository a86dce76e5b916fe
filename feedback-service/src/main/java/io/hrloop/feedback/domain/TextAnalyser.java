package io.hrloop.feedback.domain;

import java.util.EnumSet;
import java.util.Set;

import io.hrloop.text.SemanticAnalyser;

import io.hrloop.common.contract.Theme;

/**
 * Reads the emotion and the subject of a feedback comment in-process, without any external call: an adapter of
 * the shared text analysis ({@link SemanticAnalyser}, module {@code text-analysis}: a sentence embedding of
 * e5-small-v2 on ONNX Runtime, trained linear classifiers for sentiment, frustration and themes, and the
 * former lexicon rules as extra features). English is analysed; a comment in another language is flagged
 * {@code unsupportedLanguage} and read as neutral, not frustrated, theme "other", with zero confidence.
 */
public final class TextAnalyser {

    /** Scores within this distance of zero read as neutral. */
    public static final double NEUTRAL_BAND = SemanticAnalyser.NEUTRAL_BAND;

    private final SemanticAnalyser analyser;

    /**
     * @param sentiment           P(positive) − P(negative) in [-1, 1], on the side of the band of its class
     * @param confidence          probability of the class read; 0 when the language is unsupported
     * @param unsupportedLanguage the comment is not in English: nothing was read from it
     * @param language            ISO 639-1 code of the comment's language, "und" when unknown
     * @param embedding           the comment's embedding by the model {@link #modelName()}, null when none was made
     *                            (another language)
     */
    public record Analysis(double sentiment, SentimentClass sentimentClass, boolean frustrated, Set<Theme> themes,
            double confidence, boolean unsupportedLanguage, String language, float[] embedding) {
    }

    public TextAnalyser(SemanticAnalyser analyser) {
        this.analyser = analyser;
    }

    /** The analyser of this JVM's shared model, with the committed classifiers. */
    public static TextAnalyser standard() {
        return new TextAnalyser(SemanticAnalyser.standard());
    }

    public Analysis analyse(String text) {
        SemanticAnalyser.Embedded embedded = analyser.analyseEmbedded(text);
        SemanticAnalyser.Analysis a = embedded.analysis();
        Set<Theme> themes = EnumSet.noneOf(Theme.class);
        a.themes().forEach(t -> themes.add(Theme.of(t.key())));
        return new Analysis(a.score(), SentimentClass.valueOf(a.sentiment().name()), a.frustrated(), Set.copyOf(themes),
                a.confidence(), a.unsupportedLanguage(), a.language(), embedded.embedding());
    }

    /** The name of the model whose embeddings {@link Analysis#embedding()} holds. */
    public String modelName() {
        return analyser.embedder().modelName();
    }

    public static SentimentClass classify(double score) {
        return SentimentClass.valueOf(SemanticAnalyser.classify(score, NEUTRAL_BAND).name());
    }
}
