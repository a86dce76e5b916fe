package io.hrloop.feedback.events;

import java.util.LinkedHashMap;
import java.util.Map;

import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FollowUp;

/** The data of the events this service publishes (schemas in common's contracts). */
public final class FeedbackEvents {

    private FeedbackEvents() {
    }

    /** hr.feedback.received: personId only when signed; the comment cut to an excerpt. */
    public static Map<String, Object> received(Feedback feedback, int excerptLength) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("feedbackId", feedback.id.toString());
        data.put("source", feedback.source.name());
        data.put("subjectType", feedback.subjectType.name());
        data.put("subjectKey", feedback.subjectKey);
        data.put("requestId", feedback.requestId == null ? null : feedback.requestId.toString());
        data.put("reference", feedback.reference);
        data.put("requestType", feedback.requestType);
        data.put("team", feedback.team);
        data.put("csat", feedback.csat);
        data.put("ces", feedback.ces);
        data.put("nps", feedback.nps);
        data.put("comment", excerpt(feedback.comment, excerptLength));
        data.put("themes", feedback.themes().stream().map(t -> t.key()).toList());
        data.put("sentiment", feedback.sentiment == null ? 0.0 : feedback.sentiment);
        data.put("frustrated", feedback.frustrated);
        data.put("anonymous", feedback.anonymous);
        data.put("personId", feedback.anonymous ? null : feedback.author);
        data.put("receivedOn", feedback.receivedOn.toString());
        return data;
    }

    /** hr.feedback.follow-up-opened. */
    public static Map<String, Object> followUpOpened(FollowUp followUp) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("followUpId", followUp.id.toString());
        data.put("feedbackId", followUp.feedbackId.toString());
        data.put("requestId", followUp.requestId == null ? null : followUp.requestId.toString());
        data.put("reference", followUp.reference);
        data.put("team", followUp.team);
        data.put("assignee", followUp.assignee);
        data.put("csat", followUp.csat);
        data.put("nps", followUp.nps);
        return data;
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
