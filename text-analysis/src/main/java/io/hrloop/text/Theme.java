package io.hrloop.text;

import java.util.Arrays;
import java.util.Locale;

/**
 * The theme taxonomy of hr.feedback.received ({@code themes}): what a piece of feedback is about.
 * {@link #OTHER} only when nothing else fits.
 */
public enum Theme {
    SPEED, COMMUNICATION, OUTCOME, RESPECT, PROCESS, POLICY, ACCESS, OTHER;

    /** The key on the wire and in the labelled corpora. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Theme of(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown theme " + key));
    }
}
