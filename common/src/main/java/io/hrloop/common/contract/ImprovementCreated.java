package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.improvement.created: An improvement item was created (by hand or from feedback and breaches). */
public record ImprovementCreated(
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
        String origin) implements ImprovementEvent {

    @Override
    public EventCatalog eventType() {
        return EventCatalog.IMPROVEMENT_CREATED;
    }

    /** The event from the facts every improvement event carries, plus its own members. */
    public static ImprovementCreated of(ImprovementFacts facts, String origin) {
        return new ImprovementCreated(facts.improvementId(), facts.title(), facts.area(), facts.themes(),
                facts.status(), facts.owner(), facts.impactScore(), facts.priority(), facts.evidenceCount(),
                facts.distinctPeople(), facts.occurredAt(), origin);
    }
}
