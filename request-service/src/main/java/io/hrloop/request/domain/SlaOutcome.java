package io.hrloop.request.domain;

/** What a service-level target came to. */
public enum SlaOutcome {
    ATTAINED, BREACHED
}
