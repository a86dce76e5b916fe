package io.hrloop.improvement.domain;

import static io.hrloop.improvement.domain.ItemStatus.ACCEPTED;
import static io.hrloop.improvement.domain.ItemStatus.IMPLEMENTED;
import static io.hrloop.improvement.domain.ItemStatus.IN_PROGRESS;
import static io.hrloop.improvement.domain.ItemStatus.MERGED;
import static io.hrloop.improvement.domain.ItemStatus.PROPOSED;
import static io.hrloop.improvement.domain.ItemStatus.REJECTED;
import static io.hrloop.improvement.domain.ItemStatus.VERIFIED;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.hrloop.common.domain.IllegalTransitionException;

/**
 * PROPOSED → ACCEPTED → IN_PROGRESS → IMPLEMENTED → VERIFIED; an accepted quick fix may go straight to
 * IMPLEMENTED; IN_PROGRESS may fall back to ACCEPTED (paused); an IMPLEMENTED item that did not work goes back to
 * IN_PROGRESS (with a reason). Any open item may be REJECTED (with a reason) or MERGED into another. A lead may
 * reopen a REJECTED item (back to PROPOSED, with a reason). MERGED and VERIFIED are final. Who may make a move
 * and what it needs (reasons, roles, the verdict of verification) the service layer (ItemTransitions) checks.
 */
public final class ItemLifecycle {

    private static final Map<ItemStatus, Set<ItemStatus>> NEXT = new EnumMap<>(ItemStatus.class);

    static {
        NEXT.put(PROPOSED, EnumSet.of(ACCEPTED, REJECTED, MERGED));
        NEXT.put(ACCEPTED, EnumSet.of(IN_PROGRESS, IMPLEMENTED, REJECTED, MERGED));
        NEXT.put(IN_PROGRESS, EnumSet.of(ACCEPTED, IMPLEMENTED, REJECTED, MERGED));
        NEXT.put(IMPLEMENTED, EnumSet.of(VERIFIED, IN_PROGRESS));
        NEXT.put(VERIFIED, EnumSet.noneOf(ItemStatus.class));
        NEXT.put(REJECTED, EnumSet.of(PROPOSED));
        NEXT.put(MERGED, EnumSet.noneOf(ItemStatus.class));
        NEXT.replaceAll((status, next) -> Collections.unmodifiableSet(next));
    }

    private ItemLifecycle() {
    }

    public static Set<ItemStatus> next(ItemStatus from) {
        return NEXT.get(from);
    }

    public static boolean allows(ItemStatus from, ItemStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws IllegalTransitionException when the lifecycle has no such move */
    public static void require(ItemStatus from, ItemStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException("an improvement item", from, to, next(from));
        }
    }
}
