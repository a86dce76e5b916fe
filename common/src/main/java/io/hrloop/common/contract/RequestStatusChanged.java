package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.request.status-changed: A request moved in its lifecycle. */
public record RequestStatusChanged(
        UUID requestId,
        String reference,
        String requestType,
        String category,
        String team,
        String priority,
        String status,
        boolean confidential,
        String requester,
        String onBehalfOf,
        String owner,
        String subject,
        Double surveySamplingRate,
        OffsetDateTime occurredAt,
        String previousStatus,
        String note,
        String appealOutcome) implements RequestEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.REQUEST_STATUS_CHANGED;
    }

    /** The event from the facts every request event carries, plus its own members. */
    public static RequestStatusChanged of(RequestFacts facts, String previousStatus, String note, String appealOutcome) {
        return new RequestStatusChanged(facts.requestId(), facts.reference(), facts.requestType(), facts.category(),
                facts.team(), facts.priority(), facts.status(), facts.confidential(), facts.requester(),
                facts.onBehalfOf(), facts.owner(), facts.subject(), facts.surveySamplingRate(), facts.occurredAt(),
                previousStatus, note, appealOutcome);
    }
}
