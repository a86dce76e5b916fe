package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.TransactionSynchronizationRegistry;

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

    /** A consumed batch's items by area, in the transaction's resources. */
    private static final Object KEY = RejectedMemory.class.getName();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry registry;
    private final ImprovementConfig config;
    private final Times times;

    public RejectedMemory(EntityManager entityManager, ImprovementConfig config, Times times,
            TransactionSynchronizationRegistry registry) {
        this.registry = registry;
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
     * query for both. In a consumed batch ({@link #rememberInBatch}) the query runs once per area and the batch's
     * later pieces take the items from the session, as they are now (statuses, evidence profiles, the items the
     * batch opened): asked for each piece, the query and the flush it needs cost two round trips each, which under
     * load made the consumer's pace that of a busy database's answers. The area's lock ({@link AreaLock}), held
     * until the batch commits, keeps other deciders from opening items in it meanwhile.
     */
    public List<Candidate> withOpenItems(String area, boolean confidential, List<ItemStatus> open) {
        OffsetDateTime since = since();
        Map<AreaKey, List<ImprovementItem>> batch = batch();
        if (batch == null) {
            return openFirst(candidates("select i.id, i.status, i.storedThemes, i.evidenceProfile, i.createdAt",
                    Object[].class, area, confidential, open, since).getResultStream()
                    .map(r -> new Candidate((UUID) r[0], (ItemStatus) r[1], (String) r[2], (byte[]) r[3],
                            (OffsetDateTime) r[4])).toList(), open);
        }
        List<ImprovementItem> known = batch.computeIfAbsent(new AreaKey(area, confidential), key -> new ArrayList<>(
                candidates("select i", ImprovementItem.class, area, confidential, open, since).getResultList()));
        return openFirst(known.stream().filter(i -> open.contains(i.status)
                || (i.status == ItemStatus.REJECTED && i.rejectedAt != null && !i.rejectedAt.isBefore(since)))
                .map(i -> new Candidate(i.id, i.status, i.storedThemes, i.evidenceProfile, i.createdAt)).toList(), open);
    }

    /** The area's items in {@code open} statuses or rejected since {@code since}, as {@code select} reads them. */
    private <T> TypedQuery<T> candidates(String select, Class<T> type, String area, boolean confidential,
            List<ItemStatus> open, OffsetDateTime since) {
        return entityManager.createQuery(select + " from ImprovementItem i where i.area = :area"
                + " and i.confidential = :confidential and (i.status in :open"
                + " or (i.status = :rejected and i.rejectedAt >= :since))", type)
                .setParameter("area", area).setParameter("confidential", confidential).setParameter("open", open)
                .setParameter("rejected", ItemStatus.REJECTED).setParameter("since", since);
    }

    /**
     * From now until the transaction ends, {@link #withOpenItems} reads an area's items once and then follows them
     * in the session; every item the transaction opens must then be told ({@link #opened}).
     */
    public void rememberInBatch() {
        if (registry.getTransactionKey() != null && batch() == null) {
            registry.putResource(KEY, new HashMap<AreaKey, List<ImprovementItem>>());
        }
    }

    /** An item the transaction opened: a candidate of its area from now on. */
    public void opened(ImprovementItem item) {
        Map<AreaKey, List<ImprovementItem>> batch = batch();
        if (batch != null) {
            List<ImprovementItem> known = batch.get(new AreaKey(item.area, item.confidential));
            if (known != null) {
                known.add(item); // an area not read yet will find it in the database (flushed by the query)
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<AreaKey, List<ImprovementItem>> batch() {
        return registry.getTransactionKey() == null ? null
                : (Map<AreaKey, List<ImprovementItem>>) registry.getResource(KEY);
    }

    private OffsetDateTime since() {
        return times.nowUtc().minus(config.rejectedMemory());
    }

    private static List<Candidate> openFirst(List<Candidate> items, List<ItemStatus> open) {
        return Stream.concat(items.stream().filter(i -> i.in(open)), items.stream().filter(i -> !i.in(open)))
                .toList();
    }

    private record AreaKey(String area, boolean confidential) {
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
