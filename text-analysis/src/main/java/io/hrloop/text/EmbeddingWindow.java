package io.hrloop.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What of a text is embedded, so that a comment's embedding costs at most that of {@value #MAX_TOKENS} tokens.
 * The model's time grows with the length of its input (about 0.1 ms a token on two cores, more under load): a
 * 2,000-character comment (about 450 tokens, the API's maximum) took 50 to 110 ms on a quiet machine and several
 * hundred under load, far beyond the 50 ms a feedback intake may take. A text of up to {@value #MAX_TOKENS} tokens is
 * embedded whole (nearly every comment: the training sentences average 17 tokens); a longer one as its opening
 * sentences within {@value #HEAD_TOKENS} tokens and its closing sentences within the rest, joined: a comment says
 * what it is about first and how the writer feels about it last. Measured on 61 long comments (docs/cost.md):
 * accuracy no worse than embedding the whole text.
 *
 * <p>Tokens are counted with the model's own tokenizer, sentence by sentence, and only until the budget is spent.
 */
final class EmbeddingWindow {

    static final int MAX_TOKENS = 128;
    static final int HEAD_TOKENS = 96;
    private static final Pattern SENTENCE = Pattern.compile("[^.!?\\n]+(?:[.!?]+[\"'\u2019\u201d)\\]]*|\\n|$)");

    private final ToIntFunction<String> tokens;

    /** @param tokens the number of tokens of a text, without the special ones the model adds */
    EmbeddingWindow(ToIntFunction<String> tokens) {
        this.tokens = tokens;
    }

    /** {@code text} itself when it has at most {@value #MAX_TOKENS} tokens, else its head and tail, joined. */
    String select(String text) {
        if (text.length() <= MAX_TOKENS) {
            return text; // a token covers at least one character
        }
        List<String> sentences = sentences(text);
        if (sentences.size() == 1) {
            String only = sentences.getFirst();
            return tokens.applyAsInt(only) <= MAX_TOKENS ? text : firstWords(only, MAX_TOKENS);
        }
        int[] counts = new int[sentences.size()];
        int total = 0;
        int head = 0; // the head's sentences, from the first
        int headTokens = 0;
        boolean whole = true;
        for (int i = 0; i < sentences.size(); i++) {
            counts[i] = tokens.applyAsInt(sentences.get(i));
            total += counts[i];
            if (head == i && headTokens + counts[i] <= HEAD_TOKENS) {
                head++;
                headTokens += counts[i];
            }
            if (total > MAX_TOKENS && i >= head) {
                whole = false; // the head is placed; the tail is counted from the end below
                break;
            }
        }
        if (whole) {
            return text;
        }
        StringBuilder selected = new StringBuilder();
        if (head == 0) {
            selected.append(firstWords(sentences.getFirst(), HEAD_TOKENS));
            headTokens = HEAD_TOKENS;
            head = 1;
        } else {
            selected.append(String.join(" ", sentences.subList(0, head)));
        }
        int budget = MAX_TOKENS - headTokens;
        List<String> tail = new ArrayList<>();
        for (int i = sentences.size() - 1; i >= head; i--) {
            int count = counts[i] > 0 ? counts[i] : tokens.applyAsInt(sentences.get(i));
            if (count > budget) {
                if (tail.isEmpty()) {
                    tail.add(lastWords(sentences.get(i), budget));
                }
                break;
            }
            tail.addFirst(sentences.get(i));
            budget -= count;
        }
        tail.removeIf(String::isEmpty);
        if (!tail.isEmpty()) {
            selected.append(' ').append(String.join(" ", tail));
        }
        return selected.toString();
    }

    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        Matcher matcher = SENTENCE.matcher(text);
        while (matcher.find()) {
            String sentence = matcher.group().strip();
            if (!sentence.isEmpty()) {
                sentences.add(sentence);
            }
        }
        return sentences.isEmpty() ? List.of(text.strip()) : sentences;
    }

    /** The longest run of {@code sentence}'s first words within {@code budget} tokens. */
    private String firstWords(String sentence, int budget) {
        String[] words = sentence.split("\\s+");
        int low = 0;
        int high = words.length;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (tokens.applyAsInt(String.join(" ", Arrays.copyOfRange(words, 0, middle))) <= budget) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low == 0 ? firstCharacters(words[0], budget) : String.join(" ", Arrays.copyOfRange(words, 0, low));
    }

    /** The longest run of {@code sentence}'s last words within {@code budget} tokens. */
    private String lastWords(String sentence, int budget) {
        String[] words = sentence.split("\\s+");
        int low = 0;
        int high = words.length;
        while (low < high) {
            int middle = (low + high + 1) / 2;
            if (tokens.applyAsInt(String.join(" ", Arrays.copyOfRange(words, words.length - middle, words.length))) <= budget) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return String.join(" ", Arrays.copyOfRange(words, words.length - low, words.length));
    }

    /** A single word longer than the budget (a pasted hash, say): {@code budget} characters are at most as many tokens. */
    private static String firstCharacters(String word, int budget) {
        return word.substring(0, Math.min(word.length(), budget));
    }
}
