package io.hrloop.improvement.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.jpa.HibernateHints;

import io.hrloop.common.time.Times;
import io.hrloop.improvement.config.ImprovementConfig;
import io.hrloop.improvement.domain.EvidenceKind;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;

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
     * The items of the area (and confidentiality) in {@code open} statuses, then those {@link #items} answers: one
     * query for both. Loaded read-only (a flush skips them), as the caller changes at most the one it joins: it
     * makes that one writable first.
     */
    public List<ImprovementItem> withOpenItems(String area, boolean confidential, List<ItemStatus> open) {
        List<ImprovementItem> items = ImprovementItem.<ImprovementItem>find("area = ?1 and confidential = ?2"
                + " and (status in ?3 or (status = ?4 and rejectedAt >= ?5))", area, confidential, open,
                ItemStatus.REJECTED, times.nowUtc().minus(config.rejectedMemory()))
                .withHint(HibernateHints.HINT_READ_ONLY, true).list();
        return java.util.stream.Stream.concat(items.stream().filter(i -> open.contains(i.status)),
                items.stream().filter(i -> !open.contains(i.status))).toList();
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
