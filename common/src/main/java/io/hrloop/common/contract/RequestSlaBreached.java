package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.request.sla-breached: A service-level target passed its due time unmet. */
public record RequestSlaBreached(
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
        String target,
        OffsetDateTime dueAt,
        Integer targetMinutes) implements RequestEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.REQUEST_SLA_BREACHED;
    }

    /** The event from the facts every request event carries, plus its own members. */
    public static RequestSlaBreached of(RequestFacts facts, String target, OffsetDateTime dueAt, Integer targetMinutes) {
        return new RequestSlaBreached(facts.requestId(), facts.reference(), facts.requestType(), facts.category(),
                facts.team(), facts.priority(), facts.status(), facts.confidential(), facts.requester(),
                facts.onBehalfOf(), facts.owner(), facts.subject(), facts.surveySamplingRate(), facts.occurredAt(),
                target, dueAt, targetMinutes);
    }
}
