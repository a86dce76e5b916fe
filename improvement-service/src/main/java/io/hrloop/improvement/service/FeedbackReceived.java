package io.hrloop.improvement.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What this service uses of an hr.feedback.received event. {@code personId} is null for anonymous feedback. */
public record FeedbackReceived(UUID feedbackId, String area, String requestId, String reference, Integer csat,
        Integer ces, Integer nps, String comment, List<String> themes, double sentiment, boolean frustrated,
        boolean anonymous, String personId, LocalDate receivedOn) {
}
