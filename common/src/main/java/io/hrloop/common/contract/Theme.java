package io.hrloop.common.contract;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The one theme taxonomy of HR Loop: the enum of {@code themes} in the event contract (ContractRecordsTest
 * keeps the two equal), written in lower case on the wire, in the APIs and in events.
 */
public enum Theme {
    SPEED("Answers take too long"),
    COMMUNICATION("Communication is unclear or missing"),
    OUTCOME("Outcomes do not meet expectations"),
    RESPECT("Customers do not feel respected"),
    PROCESS("The process is cumbersome"),
    POLICY("A policy causes problems"),
    ACCESS("HR is hard to reach"),
    OTHER("Customers are dissatisfied");

    /** The wire values, in taxonomy order: what an API documents as the allowed themes. */
    public static final List<String> KEYS = Arrays.stream(values()).map(Theme::key).toList();

    private final String headline;

    Theme(String headline) {
        this.headline = headline;
    }

    @JsonValue
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A neutral statement of the gap this theme names (the title of an item created about it). */
    public String headline() {
        return headline;
    }

    public static Optional<Theme> fromKey(String key) {
        if (key == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.key().equals(key)).findFirst();
    }

    /** Reads a wire value; an unknown one is refused (Jackson reports it as an invalid field value). */
    @JsonCreator
    public static Theme of(String key) {
        return fromKey(key).orElseThrow(() -> new IllegalArgumentException("unknown theme " + key + "; one of " + KEYS));
    }

    /** The known themes among {@code keys}, in order, without duplicates. */
    public static List<Theme> known(Collection<String> keys) {
        Set<Theme> kept = new LinkedHashSet<>();
        for (String key : keys) {
            fromKey(key).ifPresent(kept::add);
        }
        return List.copyOf(kept);
    }
}
