package io.hrloop.request.domain;

/** Who may read a comment: PUBLIC includes the requester, INTERNAL is for HR only. */
public enum Visibility {
    PUBLIC, INTERNAL
}
