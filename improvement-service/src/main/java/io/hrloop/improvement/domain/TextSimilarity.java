package io.hrloop.improvement.domain;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * How alike two complaints are, for matching feedback to an open item when their themes differ.
 *
 * <p>Method: each text goes through Lucene's {@link EnglishAnalyzer} (standard tokenizer, possessives removed,
 * lower case, stop words, Porter stemming) with English stop words extended by words every HR complaint has
 * ("hr", "request", "get", "too", "never", …). The words of the area itself ("payroll-query" → payroll, query)
 * are dropped too, since every complaint about that area contains them. A small HR thesaurus then folds
 * stems of one meaning into one concept term (slow, wait, delay, late, took … → {@code _slow}; answer, reply,
 * response … → {@code _answer}; …), so that "it took far too long to get an answer" and "waiting weeks for a
 * reply" share terms. The similarity is the cosine of the two term-frequency vectors (0 = nothing in common,
 * 1 = same terms in the same proportions). An item is compared through its title and problem and through
 * each of its evidence excerpts, and the best of these counts: a complaint joins the item whose nearest text
 * is at least the threshold (default 0.35) away.
 */
public final class TextSimilarity {

    private static final List<String> EXTRA_STOP_WORDS = List.of("i", "me", "my", "mine", "we", "us", "our", "you",
            "your", "he", "him", "his", "she", "her", "they", "them", "it's", "i'm", "i've", "have", "has", "had",
            "been", "being", "do", "does", "did", "done", "so", "what", "when", "which", "who", "whom", "why",
            "how", "all", "any", "some", "from", "about", "after", "before", "again", "more", "most", "other",
            "than", "only", "own", "same", "can", "now", "here", "up", "down", "out", "over", "under", "get",
            "got", "getting", "gets", "hr", "request", "requests", "ticket", "tickets", "please", "thank",
            "thanks", "also", "just", "really", "very", "much", "would", "could", "should", "one", "even", "ever",
            "far", "too", "nobody", "never", "nothing", "someone", "anyone", "anything", "something", "again",
            "am", "were", "because", "while", "still", "way", "bit", "lot", "make", "made", "need", "needed",
            "want", "wanted", "time", "times", "know", "let", "told", "said", "say", "thing", "things",
            // the wording of automatically written problem statements
            "raised", "automatically", "negative", "feedback", "first", "report", "customers");

    /** One concept per line: words of one meaning in an HR complaint. */
    private static final Map<String, List<String>> THESAURUS = Map.of(
            "_slow", List.of("slow", "slowly", "slower", "long", "longer", "wait", "waiting", "waited", "delay",
                    "delayed", "delays", "late", "later", "ages", "forever", "took", "quick", "quickly", "fast", "faster", "speed",
                    "sooner", "chase", "chasing", "chased", "reminder", "reminders", "overdue", "backlog"),
            "_answer", List.of("answer", "answered", "answers", "reply", "replied", "replies", "response",
                    "respond", "responded", "responses", "callback", "heard", "hear", "update",
                    "updates"),
            "_unclear", List.of("unclear", "confusing", "confused", "vague", "explain", "explained",
                    "explanation", "understand", "understood", "jargon", "clarity", "clear", "clearer"),
            "_wrong", List.of("wrong", "incorrect", "error", "errors", "mistake", "mistakes", "inaccurate",
                    "missing", "miscalculated"),
            "_rude", List.of("rude", "dismissive", "disrespectful", "impolite", "condescending", "unfriendly",
                    "arrogant", "patronising", "patronizing", "ignored", "ignore"),
            "_bureaucracy", List.of("form", "forms", "paperwork", "bureaucracy", "bureaucratic", "steps",
                    "complicated", "cumbersome", "portal", "system", "tool"),
            "_reach", List.of("reach", "reachable", "unreachable", "phone", "call", "calls", "available",
                    "unavailable", "availability", "office", "contact"),
            "_pay", List.of("pay", "paid", "payslip", "payslips", "salary", "wage", "wages", "paycheck"),
            "_leave", List.of("leave", "holiday", "holidays", "vacation", "absence"));

    private final Analyzer analyzer;
    private final Map<String, String> conceptOfStem = new HashMap<>();

    public TextSimilarity() {
        CharArraySet stopWords = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, true);
        stopWords.addAll(EXTRA_STOP_WORDS);
        analyzer = new EnglishAnalyzer(stopWords);
        THESAURUS.forEach((concept, words) -> words.forEach(word -> stems(word).forEach(
                stem -> conceptOfStem.put(stem, concept))));
    }

    /** The analysed terms of {@code text} with their frequencies, without the words of {@code area}. */
    public Map<String, Integer> terms(String text, String area) {
        Map<String, Integer> terms = new HashMap<>();
        if (text == null || text.isBlank()) {
            return terms;
        }
        Set<String> ignored = area == null ? Set.of() : new HashSet<>(stems(area));
        for (String stem : stems(text)) {
            if (!ignored.contains(stem)) {
                terms.merge(conceptOfStem.getOrDefault(stem, stem), 1, Integer::sum);
            }
        }
        return terms;
    }

    public double similarity(String a, String b, String area) {
        return cosine(terms(a, area), terms(b, area));
    }

    /** The best similarity of {@code text} to any of {@code candidates}. */
    public double best(String text, List<String> candidates, String area) {
        Map<String, Integer> query = terms(text, area);
        double best = 0;
        for (String candidate : candidates) {
            best = Math.max(best, cosine(query, terms(candidate, area)));
        }
        return best;
    }

    public static double cosine(Map<String, Integer> a, Map<String, Integer> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        double dot = 0;
        for (Map.Entry<String, Integer> term : a.entrySet()) {
            Integer other = b.get(term.getKey());
            if (other != null) {
                dot += term.getValue() * (double) other;
            }
        }
        return dot / (norm(a) * norm(b));
    }

    private static double norm(Map<String, Integer> v) {
        double sum = 0;
        for (int f : v.values()) {
            sum += (double) f * f;
        }
        return Math.sqrt(sum);
    }

    private List<String> stems(String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                out.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
