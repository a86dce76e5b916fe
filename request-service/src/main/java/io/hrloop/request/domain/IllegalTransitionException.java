package io.hrloop.request.domain;

import java.util.List;
import java.util.Set;

/** A move the lifecycle does not have; answered with 409 and the moves that are allowed. */
public class IllegalTransitionException extends RuntimeException {

    private final RequestStatus from;
    private final RequestStatus to;
    private final List<RequestStatus> allowed;

    public IllegalTransitionException(RequestStatus from, RequestStatus to, Set<RequestStatus> allowed) {
        super("a request cannot go from " + from + " to " + to + (allowed.isEmpty() ? "; " + from + " is final"
                : "; from " + from + " it can go to " + allowed));
        this.from = from;
        this.to = to;
        this.allowed = List.copyOf(allowed);
    }

    public RequestStatus from() {
        return from;
    }

    public RequestStatus to() {
        return to;
    }

    public List<RequestStatus> allowed() {
        return allowed;
    }
}
