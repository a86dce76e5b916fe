package io.hrloop.improvement.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How process names meet: {@link #normalise} folds case, width and accents, turns punctuation into spaces, folds
 * whitespace and stems each word lightly (plural endings: "claims" → "claim", "policies" → "policy",
 * "expenses" → "expense"; "ss", "us" and "is" endings stay), so "Expense  Claims" and "expense claim" are one
 * name. Different words ("expenses" and "expense claims") meet through aliases of the managed list, not here.
 */
public final class ProcessNames {

    /** The longest name (and key) kept. */
    public static final int MAX_LENGTH = 100;

    private ProcessNames() {
    }

    /** The form names are compared in: lower-case stemmed words separated by one space; "" when nothing is left. */
    public static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String folded = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        if (folded.isEmpty()) {
            return "";
        }
        String normalised = Arrays.stream(folded.split(" ")).map(ProcessNames::stem).collect(Collectors.joining(" "));
        return normalised.length() > MAX_LENGTH ? normalised.substring(0, MAX_LENGTH).strip() : normalised;
    }

    /** A key for a name nobody has reviewed yet: its normalised words joined by "-" ("expense-claim"). */
    public static String key(String name) {
        return normalise(name).replace(' ', '-');
    }

    static String stem(String word) {
        if (word.length() <= 3 || !word.endsWith("s") || word.endsWith("ss") || word.endsWith("us")
                || word.endsWith("is")) {
            return word;
        }
        if (word.endsWith("ies") && word.length() > 4) {
            return word.substring(0, word.length() - 3) + "y";
        }
        return word.substring(0, word.length() - 1);
    }
}
