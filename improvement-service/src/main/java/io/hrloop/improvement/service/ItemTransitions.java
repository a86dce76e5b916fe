package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.api.ETags;
import io.hrloop.common.contract.ImprovementImplemented;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemHistory;
import io.hrloop.improvement.domain.ItemLifecycle;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.text.EvidenceProfile;

/**
 * An item's way through its lifecycle: accepted, implemented (told back to the people who raised it),
 * verified (with the before/after report), rejected, or merged into another item that takes over its evidence.
 */
@ApplicationScoped
public class ItemTransitions {

    /**
     * {@code actor} is who moves the item (recorded in its history), {@code lead} whether they are a lead (only a
     * lead reopens a rejected item or overrides the verdict of verification), {@code override} whether they mean
     * to mark the item VERIFIED against that verdict.
     */
    public record StatusChange(ItemStatus status, String reason, UUID mergedInto, String summary, String actor,
            boolean lead, boolean override) {
    }

    private final EntityManager entityManager;
    private final ItemQueries items;
    private final AreaLock areaLock;
    private final Scoring scoring;
    private final ImprovementEvents events;
    private final VerificationService verification;
    private final ObjectMapper mapper;
    private final Times times;

    public ItemTransitions(EntityManager entityManager, ItemQueries items, AreaLock areaLock, Scoring scoring,
            ImprovementEvents events, VerificationService verification, ObjectMapper mapper, Times times) {
        this.entityManager = entityManager;
        this.items = items;
        this.areaLock = areaLock;
        this.scoring = scoring;
        this.events = events;
        this.verification = verification;
        this.mapper = mapper;
        this.times = times;
    }

    @Transactional
    public ImprovementItem changeStatus(UUID id, Access access, String ifMatch, StatusChange change) {
        ImprovementItem item = items.find(id, access);
        ImprovementItem survivor = null;
        if (change.status() == ItemStatus.MERGED) {
            survivor = mergeTarget(id, access, change.mergedInto());
            areaLock.lockAll(List.of(item.area, survivor.area));
            entityManager.refresh(survivor);
        } else {
            areaLock.lock(item.area);
        }
        entityManager.refresh(item);
        ETags.check(ifMatch, item.version);
        ItemLifecycle.require(item.status, change.status());
        String reason = blankToNull(change.reason());
        // the leads of confidential items are the er-specialists: nobody else sees them
        requireWhatTheMoveNeeds(item, change, reason, change.lead() || item.confidential && access.confidential());
        OffsetDateTime now = times.nowUtc();
        ItemStatus previous = item.status;
        String verdict = null;
        if (change.status() == ItemStatus.VERIFIED) {
            verdict = attachVerification(item, change, reason, now).name();
        }
        if (change.status().isOpen() && !previous.isOpen()) {
            requireNoOtherOpenItemOfTheGap(item);
        }
        item.status = change.status();
        item.statusReason = reason;
        item.updatedAt = now;
        if (change.status() == ItemStatus.IMPLEMENTED) {
            item.implementedAt = now;
            // the summary is what people are told; a caller who wrote it as the reason means the same
            item.implementationSummary = blankToNull(change.summary() != null ? change.summary() : change.reason());
        } else if (change.status() == ItemStatus.IN_PROGRESS && previous == ItemStatus.IMPLEMENTED) {
            item.implementedAt = null; // it did not work: the next IMPLEMENTED starts a new "since"
        }
        if (change.status() == ItemStatus.REJECTED) {
            item.rejectedAt = now;
            item.raisedAgain = 0;
        }
        ItemHistory.of(item.id, now, change.actor(), previous, change.status(), reason,
                change.override() && change.status() == ItemStatus.VERIFIED, verdict).persist();
        if (survivor != null) {
            merge(item, survivor, now);
        }
        scoring.refresh(item);
        events.statusChanged(item, previous, now);
        if (change.status() == ItemStatus.IMPLEMENTED) {
            events.implemented(item, items.feedbackIds(item.id, ImprovementImplemented.MAX_FEEDBACK_IDS),
                    items.feedbackCount(item.id), now);
        }
        return item;
    }

    private ImprovementItem mergeTarget(UUID id, Access access, UUID mergedInto) {
        if (mergedInto == null) {
            throw DomainException.invalid("merge-target-required", "MERGED needs mergedInto: the surviving item");
        }
        if (mergedInto.equals(id)) {
            throw DomainException.conflict("merge-into-itself", "an item cannot be merged into itself");
        }
        ImprovementItem survivor = ImprovementItem.findById(mergedInto);
        if (survivor == null || !ItemQueries.visible(survivor, access)) {
            throw DomainException.unprocessable("merge-target-unknown", "mergedInto " + mergedInto
                    + " is not an improvement item");
        }
        return survivor;
    }

    private void merge(ImprovementItem merged, ImprovementItem survivor, OffsetDateTime now) {
        if (!survivor.status.isOpen()) {
            throw DomainException.conflict("merge-target-closed", "the surviving item must be open (PROPOSED, "
                    + "ACCEPTED or IN_PROGRESS); " + survivor.id + " is " + survivor.status);
        }
        if (merged.confidential != survivor.confidential) {
            // Confidential evidence never lands where other HR teams see it, and the other way round it would
            // vanish from their sight.
            throw DomainException.conflict("merge-confidentiality", "a confidential item merges only into a "
                    + "confidential item, and any other item only into a non-confidential one");
        }
        merged.mergedInto = survivor.id;
        // The same gap from now on: complaints on the merged item's themes join the survivor.
        LinkedHashSet<String> themes = new LinkedHashSet<>(survivor.themes());
        themes.addAll(merged.themes());
        survivor.themes(List.copyOf(themes));
        List<Evidence> moved = Evidence.list("itemId", merged.id);
        for (Evidence evidence : moved) {
            evidence.itemId = survivor.id;
            if (evidence.mergedFrom == null) {
                evidence.mergedFrom = merged.id;
            }
        }
        if (merged.evidenceProfile != null) {
            if (survivor.evidenceProfile == null) {
                survivor.evidenceProfile = merged.evidenceProfile;
            } else {
                EvidenceProfile profile = EvidenceProfile.fromBytes(survivor.evidenceProfile);
                profile.merge(EvidenceProfile.fromBytes(merged.evidenceProfile));
                survivor.evidenceProfile = profile.toBytes();
            }
            merged.evidenceProfile = null; // the survivor holds these vectors now, as it holds the evidence
        }
        entityManager.flush();
        scoring.rebuild(merged);
        scoring.rebuild(survivor);
        survivor.updatedAt = now;
        for (Evidence evidence : moved) {
            events.evidenceAdded(survivor, evidence, now);
        }
    }

    /** Reasons and roles: rejecting, reopening, going back from IMPLEMENTED and overriding need a reason. */
    private static void requireWhatTheMoveNeeds(ImprovementItem item, StatusChange change, String reason,
            boolean lead) {
        if (change.status() == ItemStatus.REJECTED && reason == null) {
            throw DomainException.invalid("reason-required", "a rejection states its reason");
        }
        if (item.status == ItemStatus.REJECTED) {
            if (!lead) {
                throw DomainException.notPermitted("only a lead (hr-lead) reopens a rejected item");
            }
            if (reason == null) {
                throw DomainException.invalid("reason-required", "reopening a rejected item states its reason");
            }
        }
        if (item.status == ItemStatus.IMPLEMENTED && change.status() == ItemStatus.IN_PROGRESS && reason == null) {
            throw DomainException.invalid("reason-required", "going back from IMPLEMENTED states why it did not work");
        }
        if (change.override()) {
            if (change.status() != ItemStatus.VERIFIED) {
                throw DomainException.invalid("override-unexpected", "override goes only with status VERIFIED");
            }
            if (!lead) {
                throw DomainException.notPermitted("only a lead (hr-lead) overrides the verdict of verification");
            }
            if (reason == null) {
                throw DomainException.invalid("reason-required", "an override of the verdict states its reason");
            }
        }
        if (change.mergedInto() != null && change.status() != ItemStatus.MERGED) {
            throw DomainException.invalid("merge-target-unexpected", "mergedInto goes only with status MERGED");
        }
    }

    /** Back to open: the partial unique index allows one open item per named gap, and so does the lock. */
    private void requireNoOtherOpenItemOfTheGap(ImprovementItem item) {
        if (item.gapKey == null) {
            return;
        }
        List<UUID> other = entityManager.createQuery("select i.id from ImprovementItem i where i.gapKey = :gap"
                + " and i.status in :open and i.id <> :id", UUID.class).setParameter("gap", item.gapKey)
                .setParameter("open", SpawningService.OPEN).setParameter("id", item.id).getResultList();
        if (!other.isEmpty()) {
            throw DomainException.conflict("gap-has-open-item", "item " + other.getFirst() + " is open for the same "
                    + "gap; merge this one into it instead").with("openItem", other.getFirst().toString());
        }
    }

    /**
     * VERIFIED needs the verdict BETTER, or a lead's override with a reason (recorded in the history with the
     * verdict it overrode). Either way the report is attached to the item.
     */
    private VerificationService.Verdict attachVerification(ImprovementItem item, StatusChange change, String reason,
            OffsetDateTime now) {
        VerificationService.Report report = verification.report(item);
        if (!report.verdict().verifies() && !change.override()) {
            throw DomainException.unprocessable("verification-not-better", "VERIFIED needs the verdict BETTER (at "
                    + report.minAnswersBefore() + " CSAT answers before and " + report.minAnswersAfter()
                    + " since at least, and a rise in the share of CSAT 4-5 at confidence " + report.confidence()
                    + "); the verdict is " + report.verdict() + ". A lead may override it with a reason.")
                    .with("verdict", report.verdict().name())
                    .with("csatResponsesBefore", report.before().csatResponses())
                    .with("csatResponsesSince", report.since().csatResponses())
                    .with("minAnswersBefore", report.minAnswersBefore())
                    .with("minAnswersAfter", report.minAnswersAfter());
        }
        try {
            item.verification = mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        item.verifiedAt = now;
        return report.verdict();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
