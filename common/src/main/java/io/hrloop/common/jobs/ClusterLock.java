package io.hrloop.common.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * A job that must run once across replicas takes this lock for its transaction: the replica that gets it
 * runs, the others skip this round. It is a PostgreSQL advisory lock, released by commit or rollback, so
 * a replica that dies mid-job frees it at once.
 */
@ApplicationScoped
public class ClusterLock {

    private final EntityManager entityManager;

    public ClusterLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    private static final String HOLDER = java.util.UUID.randomUUID().toString();

    /** True when this transaction now holds the lock named {@code job}; false when another replica holds it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean tryAcquire(String job) {
        Object acquired = entityManager.createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(?1, 7))")
                .setParameter(1, "hrloop-job:" + job).getSingleResult();
        return Boolean.TRUE.equals(acquired);
    }

    /**
     * For a job that spans several transactions: a lease on {@code job} for {@code duration}, taken in its own
     * transaction. True when this replica holds it now (it may renew its own lease); another replica's lease
     * must expire first, so a replica that dies mid-job delays the next run by at most {@code duration}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean tryLease(String job, java.time.Duration duration) {
        return entityManager.createNativeQuery("""
                insert into job_lease (job_name, holder, held_until) values (?1, ?2, now() + ?3 * interval '1 second')
                on conflict (job_name) do update set holder = excluded.holder, held_until = excluded.held_until
                where job_lease.held_until < now() or job_lease.holder = excluded.holder""")
                .setParameter(1, job).setParameter(2, HOLDER).setParameter(3, duration.toSeconds())
                .executeUpdate() == 1;
    }

    /** Gives a lease back when the job is done, so the next run need not wait for it to expire. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String job) {
        entityManager.createNativeQuery("delete from job_lease where job_name = ?1 and holder = ?2")
                .setParameter(1, job).setParameter(2, HOLDER).executeUpdate();
    }
}
