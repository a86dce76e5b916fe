package io.hrloop.common.contract;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.feedback.received: Every piece of feedback. personId is present only when signed; anonymous feedback carries only the date. */
public record FeedbackReceived(
        UUID feedbackId,
        String source,
        String subjectType,
        String subjectKey,
        String requestId,
        String reference,
        String requestType,
        String team,
        Integer csat,
        Integer ces,
        Integer nps,
        String comment,
        List<Theme> themes,
        double sentiment,
        boolean frustrated,
        boolean anonymous,
        String personId,
        LocalDate receivedOn,
        Boolean confidential) implements EventData {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.FEEDBACK_RECEIVED;
    }

    @Override
    public String aggregateId() {
        return feedbackId.toString();
    }

    /**
     * This feedback as the author's erasure left their other feedback: their pseudonym as author, no comment (it is
     * theirs and may name them). For feedback consumed after its author was erased.
     */
    public FeedbackReceived ofErasedAuthor(String pseudonym) {
        return new FeedbackReceived(feedbackId, source, subjectType, subjectKey, requestId, reference, requestType, team,
                csat, ces, nps, null, themes, sentiment, frustrated, anonymous, pseudonym, receivedOn, confidential);
    }

}
