package io.hrloop.improvement.service;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

/** Keeps evidence counts, distinct people, impact and priority of items in line with their evidence. */
@ApplicationScoped
public class Scoring {

    private final ImprovementConfig config;
    private final EntityManager entityManager;
    private final ClusterLock lock;
    private final Times times;

    public Scoring(ImprovementConfig config, EntityManager entityManager, ClusterLock lock, Times times) {
        this.times = times;
        this.lock = lock;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** Recomputes the derived figures of {@code item} from its evidence rows (flushed first by the query). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refresh(ImprovementItem item) {
        List<Evidence> evidence = Evidence.list("itemId", item.id);
        item.evidenceCount = evidence.size();
        item.distinctPeople = distinctPeople(evidence);
        item.impactScore = impact(evidence, item.distinctPeople);
        item.priority = ImpactScore.priority(item.impactScore, item.effort);
    }

    public static int distinctPeople(List<Evidence> evidence) {
        return (int) evidence.stream().map(Evidence::personKey).filter(Objects::nonNull).distinct().count();
    }

    private double impact(List<Evidence> evidence, int people) {
        return ImpactScore.impact(evidence.stream().map(Evidence::facts).toList(), people,
                times.today(), config.impact().halfLifeDays(), config.impact().breachWeight());
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
        List<Evidence> evidence = Evidence.list("itemId", id);
        double impact = impact(evidence, distinctPeople(evidence));
        Double priority = ImpactScore.priority(impact, item.effort);
        if (impact == item.impactScore && Objects.equals(priority, item.priority)) {
            return false;
        }
        entityManager.detach(item);
        // HQL update without "versioned": the version (ETag) stays.
        return entityManager.createQuery(
                "update ImprovementItem set impactScore = :impact, priority = :priority where id = :id")
                .setParameter("impact", impact).setParameter("priority", priority).setParameter("id", id)
                .executeUpdate() == 1;
    }
}
