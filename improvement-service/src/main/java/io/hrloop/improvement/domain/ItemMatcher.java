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
 * <p>Semantic rule ({@link #matchSemantic}), for a complaint with a comment: the complaint joins the item whose
 * evidence it is closest to in meaning ({@link GapSimilarity}: sentence embeddings moved by the area's centre,
 * compared with the item's bounded {@link EvidenceProfile}), if that similarity reaches
 * {@link GapSimilarity#THRESHOLD}. A shared theme adds {@link GapSimilarity#SHARED_THEME_BONUS}, far below the
 * threshold: it tips a close call, it never makes a match alone; between items within {@link #TIE} of the best,
 * more shared themes win, then the oldest item. Without a comment (a breach, or feedback with scores only) there
 * is nothing to compare, and the theme rule below decides.
 *
 * <p>Theme rule ({@link #match}, what SpawningService calls until it stores embeddings): an open item of the same
 * area sharing at least one theme (the most shared themes win, then the oldest item, which tracked the gap
 * first); when no theme is shared, the item whose title, problem or evidence excerpts are most similar to the
 * complaint's text ({@link TextSimilarity}), if at least the threshold. Otherwise: no match, a new item.
 */
public final class ItemMatcher {

    public enum Method {
        THEME, TEXT, EMBEDDING
    }

    /** Items within this similarity of the best count as a tie, broken by shared themes, then age. */
    public static final double TIE = 0.02;

    /** An open item of the area, with the texts that describe it. */
    public record Candidate(UUID id, List<String> themes, List<String> texts, OffsetDateTime createdAt) {
    }

    public record Match(UUID itemId, Method method, double score) {
    }

    /** An open item of the area, with its themes and the bounded summary of its evidence's embeddings. */
    public record SemanticCandidate(UUID id, List<String> themes, EvidenceProfile profile, OffsetDateTime createdAt) {
    }

    private final TextSimilarity similarity;
    private final double threshold;

    public ItemMatcher(TextSimilarity similarity, double threshold) {
        this.similarity = similarity;
        this.threshold = threshold;
    }

    public Optional<Match> match(String area, List<String> themes, String text, List<Candidate> open) {
        Optional<Match> byTheme = byTheme(themes, open);
        if (byTheme.isPresent() || text == null || text.isBlank()) {
            return byTheme;
        }
        Match best = null;
        for (Candidate candidate : open.stream().sorted(Comparator.comparing(Candidate::createdAt)).toList()) {
            double score = similarity.best(text, candidate.texts(), area);
            if (score >= threshold && (best == null || score > best.score())) {
                best = new Match(candidate.id(), Method.TEXT, score);
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The semantic rule: {@code embedding} is the complaint's comment embedded (null or zero without a comment),
     * {@code areaCentre} the area's running mean ({@code null} before any comment of the area).
     */
    public Optional<Match> matchSemantic(List<String> themes, float[] embedding, float[] areaCentre,
            List<SemanticCandidate> open) {
        if (embedding == null || Vectors.norm(embedding) == 0) {
            return byTheme(themes, open.stream().map(c -> new Candidate(c.id(), c.themes(), List.of(), c.createdAt()))
                    .toList());
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
            return Optional.empty();
        }
        double best = scores.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return ranked.stream()
                .filter(c -> scores.get(c.id()) >= best - TIE)
                .sorted(Comparator.comparingLong((SemanticCandidate c) -> -shared(c.themes(), themes))
                        .thenComparing(SemanticCandidate::createdAt).thenComparing(SemanticCandidate::id))
                .findFirst()
                .map(c -> new Match(c.id(), Method.EMBEDDING, scores.get(c.id())));
    }

    private static Optional<Match> byTheme(List<String> themes, List<Candidate> open) {
        return open.stream()
                .filter(c -> shared(c.themes(), themes) > 0)
                .sorted(Comparator.comparingLong((Candidate c) -> -shared(c.themes(), themes))
                        .thenComparing(Candidate::createdAt).thenComparing(Candidate::id))
                .findFirst()
                .map(c -> new Match(c.id(), Method.THEME, shared(c.themes(), themes)));
    }

    private static long shared(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).count();
    }
}
