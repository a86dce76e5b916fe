package io.hrloop.feedback.domain;

/**
 * Which mail a person takes. Essential mail (follow-up assignments; in request-service decline decisions and
 * at-risk alerts) always goes; survey invitations and "you said, we did" only with {@code ALL}.
 */
public enum MailPreference {
    ALL, ESSENTIAL_ONLY;

    public boolean takes(boolean essential) {
        return essential || this == ALL;
    }
}
