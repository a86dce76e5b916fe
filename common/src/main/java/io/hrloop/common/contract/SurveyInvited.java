package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/**
 * hr.feedback.survey-invited: a person was invited to rate a resolved request; what a gateway needs to deliver
 * the invitation (the answer link carries the survey token, the credential to answer). No free text travels.
 */
public record SurveyInvited(
        UUID invitationId,
        String personId,
        UUID requestId,
        String reference,
        String requestType,
        String team,
        OffsetDateTime invitedAt,
        OffsetDateTime expiresAt,
        String token,
        String answerUrl,
        String language,
        Boolean mailed,
        boolean confidential) implements EventData {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.FEEDBACK_SURVEY_INVITED;
    }

    @Override
    public String aggregateId() {
        return invitationId.toString();
    }
}
