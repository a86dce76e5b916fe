package io.hrloop.common.contract;

import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.feedback.follow-up-opened: Service recovery: a follow-up was opened for the team lead. */
public record FollowUpOpened(
        UUID followUpId,
        UUID feedbackId,
        String requestId,
        String reference,
        String team,
        String assignee,
        Integer csat,
        Integer nps,
        Boolean confidential) implements EventData {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.FEEDBACK_FOLLOW_UP_OPENED;
    }

    @Override
    public String aggregateId() {
        return followUpId.toString();
    }

}
