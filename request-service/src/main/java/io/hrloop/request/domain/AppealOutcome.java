package io.hrloop.request.domain;

/** The decision on an appeal: the decline stands (UPHELD) or the request goes back to work (OVERTURNED). */
public enum AppealOutcome {
    UPHELD, OVERTURNED
}
