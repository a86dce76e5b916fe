package io.hrloop.improvement.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The theme taxonomy shared with feedback-service, written in lower case on the wire and in events. */
public enum Theme {
    SPEED("speed", "Answers take too long"),
    COMMUNICATION("communication", "Communication is unclear or missing"),
    OUTCOME("outcome", "Outcomes do not meet expectations"),
    RESPECT("respect", "Customers do not feel respected"),
    PROCESS("process", "The process is cumbersome"),
    POLICY("policy", "A policy causes problems"),
    ACCESS("access", "HR is hard to reach"),
    OTHER("other", "Customers are dissatisfied");

    public static final List<String> WIRE_VALUES = Arrays.stream(values()).map(Theme::wire).toList();

    private final String wire;
    private final String headline;

    Theme(String wire, String headline) {
        this.wire = wire;
        this.headline = headline;
    }

    public String wire() {
        return wire;
    }

    /** The title of an item spawned about this theme. */
    public String headline() {
        return headline;
    }

    public static Optional<Theme> fromWire(String value) {
        return Arrays.stream(values()).filter(t -> t.wire.equals(value)).findFirst();
    }

    /** Keeps the known themes of {@code values}, in order, without duplicates. */
    public static List<String> known(Collection<String> values) {
        Set<String> kept = new LinkedHashSet<>();
        for (String value : values) {
            fromWire(value).ifPresent(t -> kept.add(t.wire));
        }
        return List.copyOf(kept);
    }

    /** Stored form: ",speed,communication," so that a LIKE '%,speed,%' finds one theme. */
    public static String encode(Collection<String> themes) {
        return themes.isEmpty() ? "," : "," + String.join(",", themes) + ",";
    }

    public static List<String> decode(String stored) {
        if (stored == null) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).collect(Collectors.toUnmodifiableList());
    }
}
