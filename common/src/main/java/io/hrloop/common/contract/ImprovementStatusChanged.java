package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.improvement.status-changed: An item moved in its lifecycle. */
public record ImprovementStatusChanged(
        UUID improvementId,
        String title,
        String area,
        List<Theme> themes,
        String status,
        String owner,
        Double impactScore,
        Double priority,
        Integer evidenceCount,
        Integer distinctPeople,
        OffsetDateTime occurredAt,
        String previousStatus,
        String reason,
        String mergedInto) implements ImprovementEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.IMPROVEMENT_STATUS_CHANGED;
    }

    /** The event from the facts every improvement event carries, plus its own members. */
    public static ImprovementStatusChanged of(ImprovementFacts facts, String previousStatus, String reason, String mergedInto) {
        return new ImprovementStatusChanged(facts.improvementId(), facts.title(), facts.area(), facts.themes(),
                facts.status(), facts.owner(), facts.impactScore(), facts.priority(), facts.evidenceCount(),
                facts.distinctPeople(), facts.occurredAt(), previousStatus, reason, mergedInto);
    }
}
