package io.hrloop.improvement.domain;

/** How an item came to be: by hand, from negative feedback, or from repeated service-level breaches. */
public enum Origin {
    MANUAL, FEEDBACK, SLA_BREACHES
}
