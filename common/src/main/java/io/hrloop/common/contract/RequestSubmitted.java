package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.request.submitted: A request was submitted. */
public record RequestSubmitted(
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
        OffsetDateTime occurredAt) implements RequestEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.REQUEST_SUBMITTED;
    }

    /** The event from the facts every request event carries. */
    public static RequestSubmitted of(RequestFacts facts) {
        return new RequestSubmitted(facts.requestId(), facts.reference(), facts.requestType(), facts.category(),
                facts.team(), facts.priority(), facts.status(), facts.confidential(), facts.requester(),
                facts.onBehalfOf(), facts.owner(), facts.subject(), facts.surveySamplingRate(), facts.occurredAt());
    }
}
