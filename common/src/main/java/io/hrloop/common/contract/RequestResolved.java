package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.request.resolved: A request was resolved: the moment to ask for feedback. */
public record RequestResolved(
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
        OffsetDateTime resolvedAt,
        Boolean resolutionBreached,
        String previousStatus,
        String note,
        String requesterEmail,
        String requesterLocale) implements RequestEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.REQUEST_RESOLVED;
    }

    /** The event from the facts every request event carries, plus its own members. */
    public static RequestResolved of(RequestFacts facts, OffsetDateTime resolvedAt, Boolean resolutionBreached, String previousStatus, String note) {
        return of(facts, resolvedAt, resolutionBreached, previousStatus, note, null, null);
    }

    /** With the requester's address and language, for the survey invitation (never on a confidential request). */
    public static RequestResolved of(RequestFacts facts, OffsetDateTime resolvedAt, Boolean resolutionBreached,
            String previousStatus, String note, String requesterEmail, String requesterLocale) {
        boolean open = !facts.confidential();
        return new RequestResolved(facts.requestId(), facts.reference(), facts.requestType(), facts.category(),
                facts.team(), facts.priority(), facts.status(), facts.confidential(), facts.requester(),
                facts.onBehalfOf(), facts.owner(), facts.subject(), facts.surveySamplingRate(), facts.occurredAt(),
                resolvedAt, resolutionBreached, previousStatus, note, open ? requesterEmail : null,
                open ? requesterLocale : null);
    }
}
