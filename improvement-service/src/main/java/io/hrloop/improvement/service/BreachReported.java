package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What this service uses of an hr.request.sla-breached event. */
public record BreachReported(UUID requestId, String reference, String requestType, String team, String target,
        OffsetDateTime dueAt, OffsetDateTime occurredAt) {
}
