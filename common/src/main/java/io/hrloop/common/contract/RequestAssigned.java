package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.request.assigned: A request got an owner (or a new one). */
public record RequestAssigned(
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
        String previousOwner,
        String reason,
        String previousStatus) implements RequestEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.REQUEST_ASSIGNED;
    }

    /** The event from the facts every request event carries, plus its own members. */
    public static RequestAssigned of(RequestFacts facts, String previousOwner, String reason, String previousStatus) {
        return new RequestAssigned(facts.requestId(), facts.reference(), facts.requestType(), facts.category(),
                facts.team(), facts.priority(), facts.status(), facts.confidential(), facts.requester(),
                facts.onBehalfOf(), facts.owner(), facts.subject(), facts.surveySamplingRate(), facts.occurredAt(),
                previousOwner, reason, previousStatus);
    }
}
