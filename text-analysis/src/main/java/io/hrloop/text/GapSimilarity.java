package io.hrloop.text;

/**
 * How likely two complaints of one area are about the same gap. Complaints of one area share their
 * subject (payroll, leave, ...), which dominates a sentence embedding, so both are first moved by the
 * area's centre ({@link #areaCentre}: the mean embedding of the area's feedback) and renormalised: what
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

    /** Weight, in comments, of the prior centre (all HR feedback) in an area's centre. */
    public static final int PRIOR_WEIGHT = 5;
    public static final String PRIOR_RESOURCE = "io/hrloop/text/hr-centre.txt";
    private static final float[] PRIOR = readPrior();

    /**
     * The centre of an area from the running mean of its comments, drawn towards the centre of all HR feedback
     * (the training corpus's mean, {@value #PRIOR_RESOURCE}) as if that were {@value #PRIOR_WEIGHT} more comments:
     * an area with two comments would otherwise have them on opposite sides of its centre.
     */
    public static float[] areaCentre(RunningMean area) {
        float[] mean = area == null ? new float[PRIOR.length] : area.mean();
        long count = area == null ? 0 : area.count();
        float[] centre = new float[PRIOR.length];
        for (int i = 0; i < centre.length; i++) {
            centre[i] = (float) ((mean[i] * (double) count + PRIOR[i] * (double) PRIOR_WEIGHT) / (count + PRIOR_WEIGHT));
        }
        return centre;
    }

    public static float[] prior() {
        return PRIOR.clone();
    }

    private static float[] readPrior() {
        try (java.io.InputStream in = GapSimilarity.class.getClassLoader().getResourceAsStream(PRIOR_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + PRIOR_RESOURCE);
            }
            String[] cells = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank()).findFirst().orElseThrow().strip().split(" ");
            float[] prior = new float[cells.length];
            for (int i = 0; i < cells.length; i++) {
                prior[i] = Float.parseFloat(cells[i]);
            }
            return prior;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
