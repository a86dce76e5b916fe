package io.hrloop.improvement.domain;

import java.util.List;
import java.util.Set;

/** A move the item lifecycle does not have; answered with 409 and the moves that are allowed. */
public class IllegalTransitionException extends RuntimeException {

    private final List<ItemStatus> allowed;

    public IllegalTransitionException(ItemStatus from, ItemStatus to, Set<ItemStatus> allowed) {
        super("an improvement item cannot go from " + from + " to " + to + (allowed.isEmpty()
                ? "; " + from + " is final"
                : "; from " + from + " it can go to " + allowed));
        this.allowed = List.copyOf(allowed);
    }

    public List<ItemStatus> allowed() {
        return allowed;
    }
}
