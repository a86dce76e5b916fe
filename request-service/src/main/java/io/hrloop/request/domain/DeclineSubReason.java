package io.hrloop.request.domain;

/** Why a request is unsustainable; required with, and only with, {@link DeclineReason#UNSUSTAINABLE}. */
public enum DeclineSubReason {
    QUALITY_OR_TIME_FRAME, OTHER_CUSTOMERS_NEEDS, NOT_FINANCIALLY_VIABLE, AGAINST_HR_STRATEGY;

    /** Checks the pairing of a reason and its sub-reason; returns a message for the client or null. */
    public static String problemWith(DeclineReason reason, DeclineSubReason subReason) {
        if (reason == DeclineReason.UNSUSTAINABLE && subReason == null) {
            return "an UNSUSTAINABLE decline needs a subReason: QUALITY_OR_TIME_FRAME, OTHER_CUSTOMERS_NEEDS, "
                    + "NOT_FINANCIALLY_VIABLE or AGAINST_HR_STRATEGY";
        }
        if (reason != DeclineReason.UNSUSTAINABLE && subReason != null) {
            return "a subReason only qualifies an UNSUSTAINABLE decline";
        }
        return null;
    }
}
