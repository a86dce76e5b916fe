package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.hrloop.text.EvidenceProfile;
import io.hrloop.text.GapSimilarity;
import io.hrloop.text.Vectors;

/**
 * Which open item of an area a new complaint belongs to.
 *
 * <p>Semantic rule, for a complaint with a comment: the complaint joins the item whose evidence it is closest to in
 * meaning ({@link GapSimilarity}: sentence embeddings moved by the area's centre, compared with the item's bounded
 * {@link EvidenceProfile}), if that similarity reaches {@link GapSimilarity#THRESHOLD}. Shared themes add nothing to the similarity
 * ({@link GapSimilarity#SHARED_THEME_BONUS} is 0); between items within {@link #TIE} of the best, more shared
 * themes win, then the oldest item. An item
 * without comments yet (breaches, scores only) has no meaning to compare with: a comment that matches no item by
 * meaning joins the one of those sharing most of its themes, if any, and gives it its first meaning.
 *
 * <p>Theme rule, without a comment (a breach, or feedback with scores only): there is nothing to compare, so the
 * open item sharing the most themes joins it (then the oldest, which tracked the gap first); none: a new item.
 *
 * <p>The caller passes only the items a complaint may join: the same area and the same confidentiality.
 */
public final class ItemMatcher {

    public enum Method {
        THEME, EMBEDDING
    }

    /**
     * Items within this similarity of the best count as a tie, broken by shared themes, then age: about a
     * sixteenth of {@link GapSimilarity#THRESHOLD} (0.085), the scale of centred cosines.
     */
    public static final double TIE = 0.005;

    public record Match(UUID itemId, Method method, double score) {
    }

    /** An open item of the area, with its themes and the bounded summary of its evidence's embeddings. */
    public record SemanticCandidate(UUID id, List<String> themes, EvidenceProfile profile, OffsetDateTime createdAt) {
    }

    /**
     * {@code embedding} is the complaint's comment embedded (null or zero without a comment), {@code areaCentre}
     * the area's centre ({@link GapSimilarity#areaCentre}).
     */
    public Optional<Match> matchSemantic(List<String> themes, float[] embedding, float[] areaCentre,
            List<SemanticCandidate> open) {
        if (embedding == null || Vectors.norm(embedding) == 0) {
            return byTheme(themes, open);
        }
        List<SemanticCandidate> ranked = new ArrayList<>();
        Map<UUID, Double> scores = new HashMap<>();
        for (SemanticCandidate candidate : open) {
            if (candidate.profile() == null || candidate.profile().count() == 0) {
                continue; // an item without comments (breaches only) has nothing to compare with
            }
            double score = GapSimilarity.score(embedding, candidate.profile(), areaCentre,
                    shared(candidate.themes(), themes) > 0);
            if (score >= GapSimilarity.THRESHOLD) {
                ranked.add(candidate);
                scores.put(candidate.id(), score);
            }
        }
        if (ranked.isEmpty()) {
            return byTheme(themes, open.stream().filter(c -> c.profile() == null || c.profile().count() == 0)
                    .toList());
        }
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return ranked.stream()
                .filter(c -> scores.get(c.id()) >= best - TIE)
                .sorted(Comparator.comparingLong((SemanticCandidate c) -> -shared(c.themes(), themes))
                        .thenComparing(SemanticCandidate::createdAt).thenComparing(SemanticCandidate::id))
                .findFirst()
                .map(c -> new Match(c.id(), Method.EMBEDDING, scores.get(c.id())));
    }

    private static Optional<Match> byTheme(List<String> themes, List<SemanticCandidate> open) {
        return open.stream()
                .filter(c -> shared(c.themes(), themes) > 0)
                .sorted(Comparator.comparingLong((SemanticCandidate c) -> -shared(c.themes(), themes))
                        .thenComparing(SemanticCandidate::createdAt).thenComparing(SemanticCandidate::id))
                .findFirst()
                .map(c -> new Match(c.id(), Method.THEME, shared(c.themes(), themes)));
    }

    private static long shared(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).count();
    }
}
