package io.hrloop.request.domain;

/** A decline proposal waits for an hr-lead, who confirms it (it takes effect) or rejects it. */
public enum DeclineStatus {
    PROPOSED, CONFIRMED, REJECTED
}
