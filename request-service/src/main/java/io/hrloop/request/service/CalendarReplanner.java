package io.hrloop.request.service;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;

import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.HrRequest;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Re-plans the open requests of an edited calendar: each is moved to the latest revision
 * ({@link Transitions#current}), the time used until the edit counted under the revision before. In batches of
 * {@code hrloop.request.calendars.replan-batch-size}, each its own transaction that locks its rows with
 * {@code FOR UPDATE SKIP LOCKED}, so that a calendar with 100,000 open requests never holds one long transaction
 * and any number of replicas share the work. A request a batch has not reached yet is re-planned anyway before
 * anything else happens to it (every change goes through {@link Transitions#current}).
 */
@ApplicationScoped
public class CalendarReplanner {

    private static final String STALE = """
            select r.* from hr_request r join work_calendar c on c.key = r.calendar_key
            where r.calendar_revision < c.revision
              and r.status in ('SUBMITTED', 'ASSIGNED', 'IN_PROGRESS', 'WAITING_ON_CUSTOMER')
            limit :n
            for update of r skip locked""";

    private final EntityManager entityManager;
    private final Transitions transitions;
    private final RequestConfig config;
    private final Times times;
    private final AtomicBoolean requested = new AtomicBoolean();
    private final AtomicBoolean working = new AtomicBoolean();

    public CalendarReplanner(EntityManager entityManager, Transitions transitions, RequestConfig config, Times times) {
        this.entityManager = entityManager;
        this.transitions = transitions;
        this.config = config;
        this.times = times;
    }

    @Scheduled(identity = "calendar-replan", every = "${hrloop.request.calendars.replan-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        replanLogged();
    }

    /** An edit committed: start at once on this replica (unless the job is off here), off the caller's thread. */
    void onRevised(@Observes(during = TransactionPhase.AFTER_SUCCESS) CalendarRevised revised) {
        String interval = config.calendars().replanInterval();
        if ("off".equals(interval) || "disabled".equals(interval)) {
            return;
        }
        requested.set(true);
        if (working.compareAndSet(false, true)) {
            Infrastructure.getDefaultWorkerPool().execute(this::work);
        }
    }

    private void work() {
        do {
            try {
                while (requested.getAndSet(false)) {
                    replanLogged();
                }
            } finally {
                working.set(false);
            }
            // an edit that came while the last pass ended is not left to the next sweep
        } while (requested.get() && working.compareAndSet(false, true));
    }

    private void replanLogged() {
        try {
            int moved = replan();
            if (moved > 0) {
                Log.infof("Calendar edits: %d open requests re-planned", moved);
            }
        } catch (RuntimeException e) {
            Log.warnf("Calendar re-plan interrupted (the next sweep goes on): %s", e.getMessage());
        }
    }

    /** Re-plans every open request planned with an outdated calendar revision; returns how many this caller moved. */
    public int replan() {
        int total = 0;
        while (true) {
            int moved = QuarkusTransaction.requiringNew().call(this::batch);
            total += moved;
            if (moved < config.calendars().replanBatchSize()) {
                return total;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private int batch() {
        Instant now = times.now();
        List<HrRequest> stale = entityManager.createNativeQuery(STALE, HrRequest.class)
                .setParameter("n", config.calendars().replanBatchSize()).getResultList();
        for (HrRequest r : stale) {
            transitions.current(r, now);
        }
        return stale.size();
    }
}
