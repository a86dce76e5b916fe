package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Which open item of an area a new complaint belongs to. First rule: an open item of the same area sharing
 * at least one theme (the most shared themes win, then the oldest item, which tracked the gap first).
 * Second rule, when no theme is shared: the item whose title, problem or evidence excerpts are most similar
 * to the complaint's text ({@link TextSimilarity}), if at least the threshold. Otherwise: no match, a new item.
 */
public final class ItemMatcher {

    public enum Method {
        THEME, TEXT
    }

    /** An open item of the area, with the texts that describe it. */
    public record Candidate(UUID id, List<String> themes, List<String> texts, OffsetDateTime createdAt) {
    }

    public record Match(UUID itemId, Method method, double score) {
    }

    private final TextSimilarity similarity;
    private final double threshold;

    public ItemMatcher(TextSimilarity similarity, double threshold) {
        this.similarity = similarity;
        this.threshold = threshold;
    }

    public Optional<Match> match(String area, List<String> themes, String text, List<Candidate> open) {
        Optional<Match> byTheme = open.stream()
                .filter(c -> shared(c.themes(), themes) > 0)
                .sorted(Comparator.comparingLong((Candidate c) -> -shared(c.themes(), themes))
                        .thenComparing(Candidate::createdAt).thenComparing(Candidate::id))
                .findFirst()
                .map(c -> new Match(c.id(), Method.THEME, shared(c.themes(), themes)));
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

    private static long shared(List<String> a, List<String> b) {
        return a.stream().filter(b::contains).count();
    }
}
