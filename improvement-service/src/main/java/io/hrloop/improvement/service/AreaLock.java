package io.hrloop.improvement.service;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

/**
 * Serialises every change that decides "which open item is this gap's" within one area, across threads and
 * replicas: a PostgreSQL transaction-scoped advisory lock keyed by the area, released at commit or rollback.
 * Taken before matching, so a second event about the same gap sees the item the first one created. A transaction
 * asks the database once per area: the lock is its own until it ends (a consumed batch of many events about one
 * area takes it once).
 */
@ApplicationScoped
public class AreaLock {

    private static final Object HELD = AreaLock.class.getName();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry registry;

    public AreaLock(EntityManager entityManager, TransactionSynchronizationRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String area) {
        @SuppressWarnings("unchecked")
        Set<String> held = (Set<String>) registry.getResource(HELD);
        if (held == null) {
            held = new HashSet<>();
            registry.putResource(HELD, held);
        }
        if (!held.add(area)) {
            return;
        }
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
