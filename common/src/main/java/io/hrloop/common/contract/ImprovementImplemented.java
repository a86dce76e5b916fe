package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.improvement.implemented: An item was implemented: tell the people who raised it. */
public record ImprovementImplemented(
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
        String summary,
        OffsetDateTime implementedAt,
        List<UUID> feedbackIds,
        Integer feedbackCount) implements ImprovementEvent {

    /** At most this many feedback ids travel in the event, so that its size is bounded whatever the item. */
    public static final int MAX_FEEDBACK_IDS = 100;

    @Override
    public EventCatalog eventType() {
        return EventCatalog.IMPROVEMENT_IMPLEMENTED;
    }

    /** The event from the facts every improvement event carries, plus its own members. */
    public static ImprovementImplemented of(ImprovementFacts facts, String summary, OffsetDateTime implementedAt,
            List<UUID> feedbackIds, Integer feedbackCount) {
        return new ImprovementImplemented(facts.improvementId(), facts.title(), facts.area(), facts.themes(),
                facts.status(), facts.owner(), facts.impactScore(), facts.priority(), facts.evidenceCount(),
                facts.distinctPeople(), facts.occurredAt(), summary, implementedAt, feedbackIds, feedbackCount);
    }
}
