package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.ImprovementCreated;
import io.hrloop.common.contract.ImprovementEvidenceAdded;
import io.hrloop.common.contract.ImprovementFacts;
import io.hrloop.common.contract.ImprovementImplemented;
import io.hrloop.common.contract.ImprovementStatusChanged;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.Origin;

/**
 * The hr.improvement.* events, written to the outbox in the caller's transaction. Events travel to every consumer
 * of the topic, so those of a confidential item carry no free text at all, not even HR's: the title is
 * {@value #CONFIDENTIAL_TITLE}, status reasons and the implementation summary are left out. Ids, area, themes,
 * status and figures stay, so that feedback-service can still tell the people who raised it that something was done.
 */
@ApplicationScoped
public class ImprovementEvents {

    public static final String CONFIDENTIAL_TITLE = "Confidential improvement item";

    private final Outbox outbox;

    public ImprovementEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(ImprovementItem item, Origin origin, OffsetDateTime time) {
        outbox.publish(ImprovementCreated.of(facts(item, time), origin.name()), time);
    }

    /**
     * Evidence from anonymous feedback is announced with the day only (time and occurredAt at midnight UTC), as
     * feedback-service does for the feedback itself: together with the feedback id, a precise time would tell
     * when the anonymous person wrote.
     */
    public void evidenceAdded(ImprovementItem item, Evidence evidence, OffsetDateTime time) {
        outbox.publish(ImprovementEvidenceAdded.of(facts(item, time),
                new ImprovementEvidenceAdded.Evidence(evidence.kind.name(), evidence.sourceId)), time);
    }

    public void statusChanged(ImprovementItem item, ItemStatus previous, OffsetDateTime time) {
        outbox.publish(ImprovementStatusChanged.of(facts(item, time), previous.name(),
                item.confidential ? null : item.statusReason,
                item.mergedInto == null ? null : item.mergedInto.toString()), time);
    }

    /**
     * Carries how many pieces of feedback are linked to the item (merged-in evidence included) and the first
     * {@link ImprovementImplemented#MAX_FEEDBACK_IDS} of them, so the event stays small however large the item;
     * feedback-service knows every link from the evidence-added events before it.
     */
    public void implemented(ImprovementItem item, List<UUID> firstFeedbackIds, long feedbackCount, OffsetDateTime time) {
        outbox.publish(ImprovementImplemented.of(facts(item, time),
                item.confidential ? null : item.implementationSummary, item.implementedAt,
                firstFeedbackIds, (int) feedbackCount), time);
    }

    private static ImprovementFacts facts(ImprovementItem item, OffsetDateTime time) {
        return new ImprovementFacts(item.id, item.confidential ? CONFIDENTIAL_TITLE : item.title, item.area,
                Theme.known(item.themes()), item.status.name(),
                item.owner, item.impactScore, item.priority, item.evidenceCount, item.distinctPeople, time);
    }
}
