package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/**
 * hr.request.retriaged: HR corrected the type or priority of an open request. The team follows the type, the
 * owner is cleared when the new team does not allow them, and the targets are recomputed against the business
 * time already used. A consumer that does not apply it skips it by its type.
 */
public record RequestRetriaged(
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
        String previousType,
        String previousPriority,
        String previousTeam,
        String previousOwner,
        boolean previousConfidential,
        String reason,
        OffsetDateTime firstResponseDue,
        OffsetDateTime resolutionDue,
        Integer firstResponseTargetMinutes,
        Integer resolutionTargetMinutes) implements RequestEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.REQUEST_RETRIAGED;
    }

    /** The event from the facts every request event carries, plus its own members. */
    public static RequestRetriaged of(RequestFacts facts, String previousType, String previousPriority,
            String previousTeam, String previousOwner, boolean previousConfidential, String reason,
            OffsetDateTime firstResponseDue, OffsetDateTime resolutionDue, Integer firstResponseTargetMinutes,
            Integer resolutionTargetMinutes) {
        return new RequestRetriaged(facts.requestId(), facts.reference(), facts.requestType(), facts.category(),
                facts.team(), facts.priority(), facts.status(), facts.confidential(), facts.requester(),
                facts.onBehalfOf(), facts.owner(), facts.subject(), facts.surveySamplingRate(), facts.occurredAt(),
                previousType, previousPriority, previousTeam, previousOwner, previousConfidential, reason,
                firstResponseDue, resolutionDue, firstResponseTargetMinutes, resolutionTargetMinutes);
    }
}
