package io.hrloop.feedback.domain;

/** PENDING until answered, withdrawn (the request was reopened) or past its expiry. */
public enum InvitationStatus {
    PENDING, ANSWERED, WITHDRAWN
}
