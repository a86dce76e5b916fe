package io.hrloop.improvement.domain;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Knowledge search by meaning and by words together. Each lesson found by either gets
 * {@code score = TEXT_WEIGHT × rank / best rank + (1 − TEXT_WEIGHT) × max(0, cosine)}: PostgreSQL's full-text
 * rank (normalised by the best rank of the query, 0 when the words did not match) and the cosine of the
 * query's and the lesson's embeddings. A lesson with none of the query's words is still found when it means
 * the same ("payslip wrong" finds "incorrect salary statements"), if its cosine reaches {@link #MIN_COSINE}.
 */
public final class KnowledgeRanking {

    public static final double TEXT_WEIGHT = 0.5;
    /** e5 embeddings of unrelated HR texts still have a cosine around 0.75; below this a lesson is not a hit. */
    public static final double MIN_COSINE = 0.82;

    /**
     * A lesson found by words ({@code textRank} > 0), by meaning, or both; {@code boost} is added to the score of a
     * hit (suggestions: {@link #TYPE_BOOST} for the request type's own lessons) and never makes a hit of a lesson.
     */
    public record Hit(UUID lessonId, double textRank, double cosine, double boost) {
        public Hit(UUID lessonId, double textRank, double cosine) {
            this(lessonId, textRank, cosine, 0);
        }
    }

    /** Larger than any score (at most 1): the request type's own relevant lessons come before all others. */
    public static final double TYPE_BOOST = 1.0;

    private KnowledgeRanking() {
    }

    /** The hits that count, best first (ties: lesson id, for a stable order across pages). */
    public static List<Hit> rank(List<Hit> hits) {
        double best = hits.stream().mapToDouble(Hit::textRank).max().orElse(0);
        return hits.stream()
                .filter(h -> h.textRank() > 0 || h.cosine() >= MIN_COSINE)
                .sorted(Comparator.comparingDouble((Hit h) -> -score(h, best)).thenComparing(Hit::lessonId))
                .toList();
    }

    static double score(Hit hit, double bestRank) {
        double text = bestRank > 0 ? hit.textRank() / bestRank : 0;
        return TEXT_WEIGHT * text + (1 - TEXT_WEIGHT) * Math.max(0, hit.cosine()) + hit.boost();
    }
}
