package io.hrloop.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What of a long text is embedded, with a word for a token. */
class EmbeddingWindowTest {

    private final EmbeddingWindow window = new EmbeddingWindow(text -> text.isBlank() ? 0 : text.strip().split("\\s+").length);

    private static String sentence(int number, int words) {
        return "Sentence" + number + IntStream.range(1, words).mapToObj(i -> " w").collect(Collectors.joining()) + ".";
    }

    private static int words(String text) {
        return text.strip().split("\\s+").length;
    }

    @Test
    void aTextWithinTheBudgetIsEmbeddedWhole() {
        String text = IntStream.range(0, 8).mapToObj(n -> sentence(n, 16)).collect(Collectors.joining(" "));
        assertEquals(128, words(text));
        assertEquals(text, window.select(text));
        assertEquals("Short.", window.select("Short."));
    }

    @Test
    void aLongerTextIsEmbeddedByItsOpeningAndClosingSentences() {
        String text = IntStream.range(0, 30).mapToObj(n -> sentence(n, 15)).collect(Collectors.joining(" "));
        String selected = window.select(text);
        assertTrue(words(selected) <= EmbeddingWindow.MAX_TOKENS, selected);
        assertTrue(selected.startsWith("Sentence0 "), selected);
        assertTrue(selected.contains("Sentence5 ") && !selected.contains("Sentence6 "), "six opening sentences (90 words): " + selected);
        assertTrue(selected.endsWith("Sentence29 w w w w w w w w w w w w w w."), "the closing sentences within the rest: " + selected);
        assertTrue(selected.contains("Sentence28 ") && !selected.contains("Sentence27 "), selected);
    }

    @Test
    void aSentenceLongerThanTheBudgetIsCut() {
        String runOn = sentence(0, 400);
        assertEquals(EmbeddingWindow.MAX_TOKENS, words(window.select(runOn)));
        String text = sentence(0, 300) + " " + sentence(1, 300);
        String selected = window.select(text);
        assertEquals(EmbeddingWindow.MAX_TOKENS, words(selected));
        assertTrue(selected.startsWith("Sentence0 ") && selected.endsWith(" w."), "the first sentence's start, the last one's end: " + selected);
    }
}
