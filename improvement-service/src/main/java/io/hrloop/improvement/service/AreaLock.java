package io.hrloop.improvement.service;

import java.util.Collection;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Serialises every change that decides "which open item is this gap's" within one area, across threads and
 * replicas: a PostgreSQL transaction-scoped advisory lock keyed by the area, released at commit or rollback.
 * Taken before matching, so a second event about the same gap sees the item the first one created.
 */
@ApplicationScoped
public class AreaLock {

    private final EntityManager entityManager;

    public AreaLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String area) {
        entityManager.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(hashtext(?1))) l")
                .setParameter(1, "improvement-area:" + area)
                .getSingleResult();
    }

    /** Several areas (a merge across areas), always in the same order so that two callers cannot deadlock. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lockAll(Collection<String> areas) {
        for (String area : new TreeSet<>(areas)) {
            lock(area);
        }
    }
}
