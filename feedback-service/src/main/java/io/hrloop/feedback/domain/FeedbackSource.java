package io.hrloop.feedback.domain;

public enum FeedbackSource {
    SURVEY, UNSOLICITED
}
