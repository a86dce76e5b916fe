package io.hrloop.common.domain;

import java.util.List;
import java.util.Set;

/**
 * A move a lifecycle does not have ({@code thing} is "a request", "an improvement item"): a conflict whose problem says
 * {@code from}, {@code to} and the moves that are {@code allowed} from where the thing is.
 */
public class IllegalTransitionException extends DomainException {

    public <S extends Enum<S>> IllegalTransitionException(String thing, S from, S to, Set<S> allowed) {
        super(Kind.CONFLICT, "illegal-transition", thing + " cannot go from " + from + " to " + to
                + (allowed.isEmpty() ? "; " + from + " is final" : "; from " + from + " it can go to " + allowed));
        with("from", from.name());
        with("to", to.name());
        with("allowed", allowed.stream().map(Enum::name).toList());
    }

    public String from() {
        return (String) details().get("from");
    }

    public String to() {
        return (String) details().get("to");
    }

    @SuppressWarnings("unchecked")
    public List<String> allowed() {
        return (List<String>) details().get("allowed");
    }
}
