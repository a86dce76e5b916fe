package io.hrloop.text;

import java.util.List;

/**
 * How likely a complaint is about the same gap as an item's evidence, both of one area. Complaints of one area share
 * their subject (payroll, leave, ...), which dominates a sentence embedding, so all are first moved by the area's
 * centre ({@link #areaCentre}: the mean embedding of the area's complaints) and renormalised: what remains is what
 * distinguishes one complaint of the area from another. The similarity to an item is the mean of the cosines to its
 * exemplars (round 2 took the best one, which let a single close wording decide: recall 0.62 at precision 0.91);
 * when the item has more evidence than exemplars, half of it is the cosine to the centroid of all its evidence, since
 * the exemplars kept are the most different ones ({@link EvidenceProfile}).
 *
 * <p>A shared theme adds nothing ({@link #SHARED_THEME_BONUS} is 0): neither a bonus for a shared theme (0.02 to 0.1)
 * nor the similarity of the theme probabilities of the nearest labelled examples improved the decision on the
 * training gaps (leave-one-area-out cross-validation in round 3, an experiment not kept as a test), so the theme
 * only breaks ties between equally close items (ItemMatcher). {@link #THRESHOLD} is chosen on the training gaps ({@code matching/gaps.tsv},
 * {@code matching/gaps-2.tsv}) as the lowest with precision 0.9 when every complaint is matched twice, once with its
 * gap's item among the area's items and once without it (a new gap, which must open an item of its own).
 */
public final class GapSimilarity {

    /** Similarity from which a complaint joins an item's gap (in mean centred cosine). */
    public static final double THRESHOLD = 0.085;
    /** Kept for callers of round 2; a shared theme no longer adds to the similarity. */
    public static final double SHARED_THEME_BONUS = 0.0;

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
     * The similarity of a complaint to an item's evidence ({@code sharedTheme} no longer counts, see above).
     *
     * @param centre the area's centre ({@link #areaCentre}), or {@code null} before the area has one
     */
    public static double score(float[] embedding, EvidenceProfile profile, float[] centre, boolean sharedTheme) {
        return score(embedding, profile, centre) + (sharedTheme ? SHARED_THEME_BONUS : 0);
    }

    /** The similarity of a complaint to an item's evidence: -1 when the item has no evidence to compare with. */
    public static double score(float[] embedding, EvidenceProfile profile, float[] centre) {
        List<float[]> exemplars = profile.exemplars();
        if (exemplars.isEmpty()) {
            return -1;
        }
        float[] query = centred(embedding, centre);
        double sum = 0;
        for (float[] exemplar : exemplars) {
            sum += Vectors.cosine(query, centred(exemplar, centre));
        }
        double similarity = sum / exemplars.size();
        if (profile.count() > exemplars.size()) {
            similarity = (similarity + Vectors.cosine(query, centred(profile.centroid(), centre))) / 2;
        }
        return similarity;
    }
}
