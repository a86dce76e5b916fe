package io.hrloop.request.domain;

/** The two service-level targets of a request. */
public enum SlaTarget {
    FIRST_RESPONSE, RESOLUTION
}
