package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.time.Times;
import io.hrloop.improvement.config.ImprovementConfig;
import io.hrloop.improvement.domain.EvidenceKind;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemMatcher;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.ThemeColumn;
import io.hrloop.text.EvidenceProfile;

/**
 * What the backlog remembers: REJECTED items of an area rejected within {@code hrloop.improvement.rejected-memory}
 * (90 days) still take the evidence of their gap, so the next complaint does not open a new item for it.
 */
@ApplicationScoped
public class RejectedMemory {

    private final EntityManager entityManager;
    private final ImprovementConfig config;
    private final Times times;

    public RejectedMemory(EntityManager entityManager, ImprovementConfig config, Times times) {
        this.entityManager = entityManager;
        this.config = config;
        this.times = times;
    }

    /** The REJECTED items of the area (and confidentiality) rejected within the memory. */
    public List<ImprovementItem> items(String area, boolean confidential) {
        return ImprovementItem.list("area = ?1 and status = ?2 and confidential = ?3 and rejectedAt >= ?4", area,
                ItemStatus.REJECTED, confidential, times.nowUtc().minus(config.rejectedMemory()));
    }

    /**
     * What matching needs of an item a complaint may join: not the entity, so that the candidates of every area a
     * consumed batch touches do not pile up in its persistence context, where each flush would check them again.
     */
    public record Candidate(UUID id, ItemStatus status, String storedThemes, byte[] evidenceProfile,
            OffsetDateTime createdAt) {

        public boolean in(List<ItemStatus> statuses) {
            return statuses.contains(status);
        }

        public ItemMatcher.SemanticCandidate semantic() {
            return new ItemMatcher.SemanticCandidate(id, ThemeColumn.decode(storedThemes),
                    evidenceProfile == null ? null : EvidenceProfile.fromBytes(evidenceProfile), createdAt);
        }
    }

    /**
     * The items of the area (and confidentiality) in {@code open} statuses, then those {@link #items} answers: one
     * query for both.
     */
    public List<Candidate> withOpenItems(String area, boolean confidential, List<ItemStatus> open) {
        List<Candidate> items = entityManager.createQuery("select i.id, i.status, i.storedThemes,"
                + " i.evidenceProfile, i.createdAt from ImprovementItem i"
                + " where i.area = :area and i.confidential = :confidential and (i.status in :open"
                + " or (i.status = :rejected and i.rejectedAt >= :since))", Object[].class)
                .setParameter("area", area).setParameter("confidential", confidential).setParameter("open", open)
                .setParameter("rejected", ItemStatus.REJECTED)
                .setParameter("since", times.nowUtc().minus(config.rejectedMemory())).getResultStream()
                .map(r -> new Candidate((UUID) r[0], (ItemStatus) r[1], (String) r[2], (byte[]) r[3],
                        (OffsetDateTime) r[4])).toList();
        return Stream.concat(items.stream().filter(i -> i.in(open)), items.stream().filter(i -> !i.in(open)))
                .toList();
    }

    /** The most recently rejected item within the memory that tracked breaches of the area, or null. */
    public ImprovementItem breachItem(String area, boolean confidential) {
        return entityManager.createQuery("select i from ImprovementItem i where i.area = :area and i.status = :status"
                + " and i.confidential = :confidential and i.rejectedAt >= :since and exists (select 1 from Evidence e"
                + " where e.itemId = i.id and e.kind = :kind) order by i.rejectedAt desc", ImprovementItem.class)
                .setParameter("area", area).setParameter("status", ItemStatus.REJECTED)
                .setParameter("confidential", confidential)
                .setParameter("since", times.nowUtc().minus(config.rejectedMemory()))
                .setParameter("kind", EvidenceKind.BREACH).setMaxResults(1).getResultStream().findFirst().orElse(null);
    }
}
