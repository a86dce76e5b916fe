package io.hrloop.feedback.domain;

import java.util.Arrays;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The documented theme taxonomy of feedback (the same keys as hr.feedback.received's {@code themes}). */
public enum Theme {
    SPEED, COMMUNICATION, OUTCOME, RESPECT, PROCESS, POLICY, ACCESS, OTHER;

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Theme of(String key) {
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown theme " + key));
    }
}
