package io.hrloop.request.domain;

import static io.hrloop.request.domain.RequestStatus.ASSIGNED;
import static io.hrloop.request.domain.RequestStatus.CLOSED;
import static io.hrloop.request.domain.RequestStatus.DECLINED;
import static io.hrloop.request.domain.RequestStatus.IN_PROGRESS;
import static io.hrloop.request.domain.RequestStatus.RESOLVED;
import static io.hrloop.request.domain.RequestStatus.SUBMITTED;
import static io.hrloop.request.domain.RequestStatus.WAITING_ON_CUSTOMER;
import static io.hrloop.request.domain.RequestStatus.WITHDRAWN;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.hrloop.common.domain.IllegalTransitionException;

/**
 * The request lifecycle: SUBMITTED → ASSIGNED → IN_PROGRESS ⇄ WAITING_ON_CUSTOMER → RESOLVED → CLOSED,
 * DECLINED from any worked state, RESOLVED → IN_PROGRESS when the requester reopens,
 * DECLINED → IN_PROGRESS when an appeal is overturned, and WITHDRAWN (final) from any open status when the
 * requester no longer needs it. Who may take a transition is the service's
 * business; this class only knows which moves exist.
 */
public final class Lifecycle {

    private static final Map<RequestStatus, Set<RequestStatus>> NEXT = new EnumMap<>(RequestStatus.class);

    static {
        NEXT.put(SUBMITTED, EnumSet.of(ASSIGNED, WITHDRAWN));
        NEXT.put(ASSIGNED, EnumSet.of(IN_PROGRESS, DECLINED, WITHDRAWN));
        NEXT.put(IN_PROGRESS, EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED, DECLINED, WITHDRAWN));
        NEXT.put(WAITING_ON_CUSTOMER, EnumSet.of(IN_PROGRESS, RESOLVED, DECLINED, WITHDRAWN));
        NEXT.put(RESOLVED, EnumSet.of(IN_PROGRESS, CLOSED));
        NEXT.put(CLOSED, EnumSet.noneOf(RequestStatus.class));
        NEXT.put(DECLINED, EnumSet.of(IN_PROGRESS));
        NEXT.put(WITHDRAWN, EnumSet.noneOf(RequestStatus.class));
        NEXT.replaceAll((status, next) -> Collections.unmodifiableSet(next));
    }

    private Lifecycle() {
    }

    /** The statuses reachable in one step from {@code from}, in declaration order. */
    public static Set<RequestStatus> next(RequestStatus from) {
        return NEXT.get(from);
    }

    public static boolean allows(RequestStatus from, RequestStatus to) {
        return NEXT.get(from).contains(to);
    }

    /** @throws IllegalTransitionException when the lifecycle has no such move */
    public static void require(RequestStatus from, RequestStatus to) {
        if (!allows(from, to)) {
            throw new IllegalTransitionException("a request", from, to, next(from));
        }
    }

    /** Open requests are still being worked on: their service-level timers may run. */
    public static boolean isOpen(RequestStatus status) {
        return status != RESOLVED && status != CLOSED && status != DECLINED && status != WITHDRAWN;
    }
}
