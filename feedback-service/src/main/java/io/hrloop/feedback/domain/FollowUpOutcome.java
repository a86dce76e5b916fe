package io.hrloop.feedback.domain;

/** How the person's experience ended after the follow-up. */
public enum FollowUpOutcome {
    RECOVERED, PARTLY_RECOVERED, NOT_RECOVERED, UNREACHABLE
}
