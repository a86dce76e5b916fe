package io.hrloop.improvement.domain;

import java.util.List;
import java.util.UUID;

/**
 * The gap key of an automatically created item, unique among open items (index
 * {@code improvement_item_one_open_gap}). The area's advisory lock decides which open item a complaint belongs to;
 * the index is the backstop where a gap has a name that a second item could repeat:
 * <ul>
 * <li>{@code <area>|breaches}: the item opened by recurring breaches (one open per area);</li>
 * <li>{@code <area>|<theme>}: an item opened by feedback without a comment, which only its theme describes (one
 * open per area and seed theme; a later comment-less complaint sharing the theme joins it anyway);</li>
 * <li>{@code <area>|<theme>|<item id>}: an item opened by a comment that matched no open item. Two such gaps may
 * share their first theme (different problems, told apart by meaning), so the key is unique by construction and
 * only the lock keeps a second item from opening for the same complaint.</li>
 * </ul>
 * Confidential items append {@code |confidential}: they never share a gap with an item other HR teams see.
 * Rows from before semantic matching keep {@code <area>|<theme>}.
 */
public final class GapKey {

    /** The theme of items opened by breaches: a breach says only that an answer came too late. */
    public static final String BREACH_THEME = "speed";
    private static final String CONFIDENTIAL = "|confidential";

    private GapKey() {
    }

    public static String breaches(String area, boolean confidential) {
        return area + "|breaches" + suffix(confidential);
    }

    public static String theme(String area, String theme, boolean confidential) {
        return area + "|" + theme + suffix(confidential);
    }

    public static String comment(String area, String theme, UUID itemId, boolean confidential) {
        return area + "|" + theme + "|" + itemId + suffix(confidential);
    }

    /**
     * The key an item keeps after its themes change: a theme-named gap (and the breaches gap, named by
     * {@link #BREACH_THEME}) no longer holds once its theme is gone (null: no key), since complaints on that theme
     * would no longer find the item and a second one would open; comment gaps do not depend on themes.
     */
    public static String afterThemesChange(String key, String area, List<String> themes) {
        if (key == null || !key.startsWith(area + "|")) {
            return key;
        }
        String rest = key.substring(area.length() + 1);
        if (rest.endsWith(CONFIDENTIAL)) {
            rest = rest.substring(0, rest.length() - CONFIDENTIAL.length());
        }
        if (rest.equals("breaches")) {
            rest = BREACH_THEME;
        }
        boolean themeNamed = !rest.contains("|");
        return themeNamed && !themes.contains(rest) ? null : key;
    }

    private static String suffix(boolean confidential) {
        return confidential ? CONFIDENTIAL : "";
    }
}
