package io.hrloop.feedback.service;

import java.util.List;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.contract.FeedbackReceived.CommentEmbedding;
import io.hrloop.common.contract.FollowUpOpened;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FollowUp;
import io.hrloop.text.Vectors;

/** The events this service publishes, from its entities (schemas in common's contracts). */
public final class FeedbackEvents {

    private FeedbackEvents() {
    }

    /**
     * hr.feedback.received: personId only when signed; the comment cut to an excerpt; confidential when the
     * feedback is about a confidential request, and then without the excerpt (its free text stays with the
     * employee-relations specialists who may read it here).
     */
    public static FeedbackReceived received(Feedback feedback, int excerptLength) {
        return received(feedback, excerptLength, null, null);
    }

    /**
     * hr.feedback.received as above, with the comment's {@code embedding} by {@code model} (the text analysis's,
     * null when it made none) where the event carries the whole comment it was made from: not when the comment is
     * cut to an excerpt or withheld. improvement-service then matches the comment without embedding it again.
     */
    public static FeedbackReceived received(Feedback feedback, int excerptLength, String model, float[] embedding) {
        String comment = feedback.confidential ? null : excerpt(feedback.comment, excerptLength);
        CommentEmbedding carried = embedding == null || comment == null || !comment.equals(feedback.comment) ? null
                : new CommentEmbedding(model, Vectors.toBase64(embedding));
        return new FeedbackReceived(feedback.id, feedback.source.name(), feedback.subjectType.name(), feedback.subjectKey,
                feedback.requestId == null ? null : feedback.requestId.toString(), feedback.reference,
                feedback.requestType, feedback.team, feedback.csat, feedback.ces, feedback.nps, comment,
                List.copyOf(feedback.themes()), feedback.sentiment == null ? 0.0 : feedback.sentiment,
                feedback.frustrated, feedback.anonymous, feedback.anonymous ? null : feedback.author, feedback.receivedOn,
                feedback.confidential, carried);
    }

    /** hr.feedback.follow-up-opened; confidential when the feedback is about a confidential request. */
    public static FollowUpOpened followUpOpened(FollowUp followUp, boolean confidential) {
        return new FollowUpOpened(followUp.id, followUp.feedbackId, followUp.requestId == null ? null
                : followUp.requestId.toString(), followUp.reference, followUp.team, followUp.assignee, followUp.csat,
                followUp.nps, confidential);
    }

    static String excerpt(String comment, int length) {
        if (comment == null || comment.length() <= length) {
            return comment;
        }
        int end = length - 1;
        if (Character.isHighSurrogate(comment.charAt(end - 1))) {
            end--;
        }
        return comment.substring(0, end) + "\u2026";
    }
}
