package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.request.declined: A decline was confirmed by an hr-lead. */
public record RequestDeclined(
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
        String reason,
        String subReason,
        String policyReference,
        String alternative,
        String explanation,
        String previousStatus,
        String note) implements RequestEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.REQUEST_DECLINED;
    }

    /** The event from the facts every request event carries, plus its own members. */
    public static RequestDeclined of(RequestFacts facts, String reason, String subReason, String policyReference, String alternative, String explanation, String previousStatus, String note) {
        return new RequestDeclined(facts.requestId(), facts.reference(), facts.requestType(), facts.category(),
                facts.team(), facts.priority(), facts.status(), facts.confidential(), facts.requester(),
                facts.onBehalfOf(), facts.owner(), facts.subject(), facts.surveySamplingRate(), facts.occurredAt(),
                reason, subReason, policyReference, alternative, explanation, previousStatus, note);
    }
}
