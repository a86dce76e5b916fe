package io.hrloop.feedback.domain;

/** OPEN until the team lead claims it, CLAIMED while they put things right, CLOSED with an outcome. */
public enum FollowUpStatus {
    OPEN, CLAIMED, CLOSED
}
