package io.hrloop.text;

/**
 * How likely two complaints of one area are about the same gap. Complaints of one area share their
 * subject (payroll, leave, ...), which dominates a sentence embedding, so both are first moved by the
 * area's centre (the mean embedding of the area's feedback, {@link RunningMean}) and renormalised: what
 * remains is what distinguishes one complaint of the area from another. The similarity is the cosine of
 * those, plus {@link #SHARED_THEME_BONUS} when the complaints share a theme: a theme tips a close call
 * but never makes a match by itself ({@value #SHARED_THEME_BONUS} is far below {@link #THRESHOLD}).
 *
 * <p>Measured on the labelled gaps of {@code MatchingEvaluationTest}; the threshold was chosen there for
 * precision (joining unrelated complaints into one item is the failure this replaces).
 */
public final class GapSimilarity {

    /** Similarity from which a complaint joins an item's gap. */
    public static final double THRESHOLD = 0.35;
    public static final double SHARED_THEME_BONUS = 0.1;

    private GapSimilarity() {
    }

    /** {@code embedding} moved by the area centre and renormalised (unchanged when there is no centre yet). */
    public static float[] centred(float[] embedding, float[] centre) {
        if (centre == null || Vectors.norm(centre) == 0) {
            return embedding;
        }
        float[] out = new float[embedding.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = embedding[i] - centre[i];
        }
        return Vectors.normalised(out);
    }

    /** The similarity of two area-centred embeddings. */
    public static double score(float[] a, float[] b, boolean sharedTheme) {
        return Vectors.cosine(a, b) + (sharedTheme ? SHARED_THEME_BONUS : 0);
    }

    /**
     * The similarity of a complaint to an item's evidence: the best over the item's exemplars and its
     * centroid, all centred on the area.
     */
    public static double score(float[] embedding, EvidenceProfile profile, float[] centre, boolean sharedTheme) {
        float[] query = centred(embedding, centre);
        double best = -1;
        for (float[] exemplar : profile.exemplars()) {
            best = Math.max(best, Vectors.cosine(query, centred(exemplar, centre)));
        }
        if (profile.count() > 1) {
            best = Math.max(best, Vectors.cosine(query, centred(profile.centroid(), centre)));
        }
        return best + (sharedTheme ? SHARED_THEME_BONUS : 0);
    }
}
