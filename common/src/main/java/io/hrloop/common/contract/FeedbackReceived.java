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
        Boolean confidential,
        CommentEmbedding commentEmbedding) implements EventData {

    /**
     * The comment's sentence embedding as the text analysis computed it: the {@code model}'s name and the vector, its
     * 32-bit floats big-endian in base64 (as a JSON array of numbers it would be twice as long, and checked number by
     * number; {@code io.hrloop.text.Vectors.toBase64} writes it). A consumer that embeds comments with the same
     * model takes it instead of computing it again.
     */
    public record CommentEmbedding(String model, String vector) {
    }

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
     * theirs and may name them) and so no embedding of it. For feedback consumed after its author was erased.
     */
    public FeedbackReceived ofErasedAuthor(String pseudonym) {
        return new FeedbackReceived(feedbackId, source, subjectType, subjectKey, requestId, reference, requestType, team,
                csat, ces, nps, null, themes, sentiment, frustrated, anonymous, pseudonym, receivedOn, confidential, null);
    }

}
