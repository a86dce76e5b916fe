package io.hrloop.improvement.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * How an item's or a piece of evidence's themes (keys of {@link io.hrloop.common.contract.Theme}) are
 * stored: ",speed,communication," so that {@code like '%,speed,%'} finds one theme.
 */
public final class ThemeColumn {

    private ThemeColumn() {
    }

    public static String encode(Collection<String> themes) {
        return themes.isEmpty() ? "," : "," + String.join(",", themes) + ",";
    }

    public static List<String> decode(String stored) {
        if (stored == null) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
