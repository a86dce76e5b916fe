package io.hrloop.common.contract;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.hrloop.common.events.EventCatalog;

/** hr.improvement.evidence-added: Evidence was linked to an item. */
public record ImprovementEvidenceAdded(
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
        Evidence evidence) implements ImprovementEvent {

    /** What was linked: a piece of feedback or a service-level breach, by its id in the source service. */
    public record Evidence(String kind, String sourceId) {
    }

    @Override
    public EventCatalog eventType() {
        return EventCatalog.IMPROVEMENT_EVIDENCE_ADDED;
    }

    /** The event from the facts every improvement event carries, plus its own members. */
    public static ImprovementEvidenceAdded of(ImprovementFacts facts, Evidence evidence) {
        return new ImprovementEvidenceAdded(facts.improvementId(), facts.title(), facts.area(), facts.themes(),
                facts.status(), facts.owner(), facts.impactScore(), facts.priority(), facts.evidenceCount(),
                facts.distinctPeople(), facts.occurredAt(), evidence);
    }
}
