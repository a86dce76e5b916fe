package io.hrloop.improvement.service;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.hrloop.common.jobs.ClusterLock;
import io.hrloop.common.time.Times;
import io.hrloop.improvement.config.ImprovementConfig;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.ImpactScore;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps evidence counts, distinct people, impact and priority of items in line with their evidence, from running
 * aggregates on the item ({@link ImpactScore.Sums}, signed people, anonymous pieces): a new piece of evidence costs
 * the same whether the item has one piece or thousands. Only a merge, and the first touch of a row from before the
 * aggregates, read an item's evidence rows again.
 */
@ApplicationScoped
public class Scoring {

    /** The items each signer of a consumed batch stands behind, in the transaction's resources. */
    private static final Object SIGNERS = Scoring.class.getName() + ".signers";

    private final ImprovementConfig config;
    private final EntityManager entityManager;
    private final ClusterLock lock;
    private final Times times;
    private final TransactionSynchronizationRegistry registry;

    public Scoring(ImprovementConfig config, EntityManager entityManager, ClusterLock lock, Times times,
            TransactionSynchronizationRegistry registry) {
        this.registry = registry;
        this.times = times;
        this.lock = lock;
        this.config = config;
        this.entityManager = entityManager;
    }

    ImpactScore.Weights weights() {
        return new ImpactScore.Weights(config.impact().halfLifeDays(), config.impact().breachWeight(),
                config.impact().anonymousWeight());
    }

    /** One more piece of evidence on {@code item} (already persisted): counts and sums move by that piece. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void added(ImprovementItem item, Evidence evidence) {
        Set<UUID> signersItems = evidence.isSignedFeedback() ? preparedItemsOf(evidence.personId) : null;
        if (needsRebuild(item)) {
            rebuild(item); // the aggregates start from every row, this one included
            if (signersItems != null) {
                signersItems.add(item.id);
            }
            return;
        }
        item.evidenceCount++;
        if (evidence.isSignedFeedback()
                && (signersItems == null ? !seenBefore(item, evidence) : signersItems.add(item.id))) {
            item.signedPeople++;
        }
        item.sums(item.sums().add(evidence.facts(), times.today(), weights()));
        refresh(item);
    }

    /** Impact (aged to today), distinct people and priority from the aggregates; after an effort or status change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(ImprovementItem item) {
        if (needsRebuild(item)) {
            rebuild(item);
            return;
        }
        item.distinctPeople = ImpactScore.distinctPeople(item.signedPeople, item.anonymousPieces);
        item.impactScore = ImpactScore.impact(item.sums(), item.signedPeople, times.today(), weights());
        item.priority = ImpactScore.priority(item.impactScore, item.effort);
    }

    /** Recomputes the aggregates from the item's evidence rows (flushed first by the query): merges, old rows. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void rebuild(ImprovementItem item) {
        List<Evidence> evidence = Evidence.list("itemId", item.id);
        item.evidenceCount = evidence.size();
        item.signedPeople = (int) evidence.stream().filter(Evidence::isSignedFeedback).map(e -> e.personId)
                .distinct().count();
        item.sums(ImpactScore.Sums.of(evidence.stream().map(Evidence::facts).toList(), times.today(), weights()));
        if (item.impactAsOf == null) {
            item.impactAsOf = times.today(); // no evidence: sums of zero as of today, so no rebuild next time
        }
        item.distinctPeople = ImpactScore.distinctPeople(item.signedPeople, item.anonymousPieces);
        item.impactScore = ImpactScore.impact(item.sums(), item.signedPeople, times.today(), weights());
        item.priority = ImpactScore.priority(item.impactScore, item.effort);
    }

    private static boolean needsRebuild(ImprovementItem item) {
        return item.impactAsOf == null && item.evidenceCount > 0;
    }

    /**
     * For a consumed batch of feedback: which items each of its signers already stands behind, in one query, so
     * that {@link #added} need not ask for each piece (a flush and a query, two round trips that under load made
     * this consumer's pace that of a busy database's answers). The transaction's own evidence is added as it comes.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepareSigners(Collection<String> people) {
        Map<String, Set<UUID>> items = new HashMap<>();
        people.stream().filter(Objects::nonNull).forEach(person -> items.put(person, new HashSet<>()));
        if (!items.isEmpty()) {
            entityManager.createQuery("select distinct e.personId, e.itemId from Evidence e where e.personId in :people",
                    Object[].class).setParameter("people", items.keySet()).getResultStream()
                    .forEach(row -> items.get((String) row[0]).add((UUID) row[1]));
        }
        registry.putResource(SIGNERS, items);
    }

    @SuppressWarnings("unchecked")
    private Set<UUID> preparedItemsOf(String person) {
        if (person == null || registry.getTransactionKey() == null) {
            return null;
        }
        Map<String, Set<UUID>> items = (Map<String, Set<UUID>>) registry.getResource(SIGNERS);
        return items == null ? null : items.get(person);
    }

    /** Whether the signer of {@code evidence} already stood behind other evidence of the item (person index). */
    private boolean seenBefore(ImprovementItem item, Evidence evidence) {
        return !entityManager.createQuery("select 1 from Evidence e where e.personId = :person and e.itemId = :item"
                + " and e.id <> :id", Integer.class)
                .setParameter("person", evidence.personId).setParameter("item", item.id)
                .setParameter("id", evidence.id).setMaxResults(1).getResultList().isEmpty();
    }

    /**
     * Evidence fades with age, so stored scores go stale: recompute them for open and implemented items.
     * A plain update (no version bump) so that a client's ETag is not invalidated by the clock.
     */
    @Scheduled(every = "${hrloop.improvement.impact.rescore-every:1h}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void rescoreAll() {
        // Once across replicas: the lease outlasts a run over a large backlog.
        if (!lock.tryLease("impact-rescoring", java.time.Duration.ofMinutes(30))) {
            return;
        }
        try {
            rescoreOpenItems();
        } finally {
            lock.release("impact-rescoring");
        }
    }

    private void rescoreOpenItems() {
        List<UUID> ids = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery(
                "select i.id from ImprovementItem i where i.status in :statuses", UUID.class)
                .setParameter("statuses", List.of(ItemStatus.PROPOSED, ItemStatus.ACCEPTED, ItemStatus.IN_PROGRESS,
                        ItemStatus.IMPLEMENTED))
                .getResultList());
        int changed = 0;
        for (UUID id : ids) {
            Boolean updated = QuarkusTransaction.requiringNew().call(() -> rescore(id));
            if (Boolean.TRUE.equals(updated)) {
                changed++;
            }
        }
        Log.debugf("Rescored %d items, %d changed", ids.size(), changed);
    }

    private boolean rescore(UUID id) {
        ImprovementItem item = ImprovementItem.findById(id);
        if (item == null) {
            return false;
        }
        double before = item.impactScore;
        Double priorityBefore = item.priority;
        boolean legacy = needsRebuild(item);
        entityManager.detach(item);
        refresh(item); // on the detached copy: the stored row changes only by the update below
        if (!legacy && item.impactScore == before && Objects.equals(item.priority, priorityBefore)) {
            return false;
        }
        // HQL update without "versioned": the version (ETag) stays.
        return entityManager.createQuery("update ImprovementItem set impactScore = :impact, priority = :priority,"
                + " distinctPeople = :people, evidenceCount = :count, signedPeople = :signed,"
                + " anonymousPieces = :anonymous, impactSigned = :s, impactAnonymous = :a, impactAsOf = :asOf"
                + " where id = :id")
                .setParameter("impact", item.impactScore).setParameter("priority", item.priority)
                .setParameter("people", item.distinctPeople).setParameter("count", item.evidenceCount)
                .setParameter("signed", item.signedPeople).setParameter("anonymous", item.anonymousPieces)
                .setParameter("s", item.impactSigned).setParameter("a", item.impactAnonymous)
                .setParameter("asOf", item.impactAsOf).setParameter("id", id)
                .executeUpdate() == 1;
    }
}
