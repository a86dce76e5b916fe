package io.hrloop.common.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.hrloop.common.support.Backbone;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The tables that only grow lose their rows once the documented period has passed, not before. */
@QuarkusTest
@WithTestResource(RealInfrastructureResource.class)
class RetentionTest {

    @Inject
    Retention retention;
    @Inject
    ClusterLock lock;
    @Inject
    EntityManager entityManager;

    @Test
    void inboxAndIdempotencyRowsOlderThanTheirPeriodArePrunedAndRecentOnesStay() {
        String run = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> {
            insertInbox("old-" + run, "now() - interval '31 days'");
            insertInbox("new-" + run, "now() - interval '29 days'");
            entityManager.createNativeQuery("insert into idempotency_record (caller, idem_key, operation, request_hash,"
                    + " status, created_at) values ('c', 'old-" + run + "', 'POST', 'h', 201, now() - interval '8 days'),"
                    + " ('c', 'new-" + run + "', 'POST', 'h', 201, now() - interval '6 days')").executeUpdate();
        });
        retention.prune();
        assertEquals(0, Backbone.count("select count(*) from inbox_event where event_id = 'old-" + run + "'"));
        assertEquals(1, Backbone.count("select count(*) from inbox_event where event_id = 'new-" + run + "'"));
        assertEquals(0, Backbone.count("select count(*) from idempotency_record where idem_key = 'old-" + run + "'"));
        assertEquals(1, Backbone.count("select count(*) from idempotency_record where idem_key = 'new-" + run + "'"));
    }

    @Test
    void aLeaseIsHeldByOneReplicaUntilItIsGivenBack() {
        String job = "job-" + UUID.randomUUID();
        assertEquals(true, lock.tryLease(job, java.time.Duration.ofMinutes(5)));
        // another replica (another holder) cannot take it
        assertEquals(0, Backbone.count("select count(*) from job_lease where job_name = '" + job + "' and held_until < now()"));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update job_lease set holder = 'another-replica' where job_name = ?1").setParameter(1, job).executeUpdate());
        assertEquals(false, lock.tryLease(job, java.time.Duration.ofMinutes(5)));
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "update job_lease set held_until = now() - interval '1 second' where job_name = ?1").setParameter(1, job)
                .executeUpdate());
        assertEquals(true, lock.tryLease(job, java.time.Duration.ofMinutes(5)), "an expired lease is taken over");
        lock.release(job);
        assertEquals(0, Backbone.count("select count(*) from job_lease where job_name = '" + job + "'"));
    }

    private void insertInbox(String id, String processedAt) {
        entityManager.createNativeQuery("insert into inbox_event (event_id, consumer, event_type, processed_at) values ('"
                + id + "', 'backbone-test', 'hr.person.erased', " + processedAt + ")").executeUpdate();
    }
}
