package io.hrloop.feedback.domain;

/** Three-class reading of a sentiment score. */
public enum SentimentClass {
    NEGATIVE, NEUTRAL, POSITIVE
}
