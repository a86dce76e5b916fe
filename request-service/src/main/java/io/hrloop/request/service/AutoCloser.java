package io.hrloop.request.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.RequestStatus;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Closes resolved requests once {@code hrloop.request.auto-close-after} has passed. Safe with several
 * replicas: each batch locks its rows with SKIP LOCKED, and a closed row no longer matches.
 */
@ApplicationScoped
public class AutoCloser {

    private final EntityManager entityManager;
    private final Transitions transitions;
    private final RequestConfig config;
    private final Times times;

    public AutoCloser(EntityManager entityManager, Transitions transitions, RequestConfig config, Times times) {
        this.entityManager = entityManager;
        this.transitions = transitions;
        this.config = config;
        this.times = times;
    }

    @Scheduled(identity = "auto-close", every = "${hrloop.request.auto-close-interval:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        int closed = closeDue();
        if (closed > 0) {
            Log.infof("Closed %d resolved requests automatically", closed);
        }
    }

    /** Closes every resolved request past the period; returns how many this replica closed. */
    public int closeDue() {
        int total = 0;
        int batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::closeBatch);
            total += batch;
        } while (batch == config.sla().batchSize());
        return total;
    }

    @SuppressWarnings("unchecked")
    private int closeBatch() {
        Instant now = times.now();
        List<HrRequest> due = entityManager.createNativeQuery("""
                select * from hr_request where status = 'RESOLVED' and resolved_at <= :limit
                order by resolved_at limit :n for update skip locked""", HrRequest.class)
                .setParameter("limit", now.minus(config.autoCloseAfter()).atOffset(java.time.ZoneOffset.UTC))
                .setParameter("n", config.sla().batchSize())
                .getResultList();
        for (HrRequest r : due) {
            transitions.move(r, RequestStatus.CLOSED, AuditLog.SYSTEM,
                    "closed automatically " + config.autoCloseAfter().toDays() + " days after resolution", now, StatusChange.NONE);
        }
        return due.size();
    }
}
