package io.hrloop.request.domain;

/** The only grounds on which HR may decline a request. */
public enum DeclineReason {
    UNSAFE, ILLEGAL, UNETHICAL, UNSUSTAINABLE
}
