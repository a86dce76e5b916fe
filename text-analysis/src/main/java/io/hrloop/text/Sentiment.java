package io.hrloop.text;

/** Three-class reading of the tone of a text. */
public enum Sentiment {
    NEGATIVE, NEUTRAL, POSITIVE
}
