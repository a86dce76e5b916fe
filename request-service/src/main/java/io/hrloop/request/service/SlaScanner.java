package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.SlaTarget;
import io.hrloop.request.domain.SlaTimer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Finds running service-level targets that reached their at-risk share or passed their due time and
 * announces each once. Safe with any number of replicas: a batch locks its rows with
 * {@code FOR UPDATE SKIP LOCKED}, flips the "notified" flags and writes the events to the outbox in the
 * same transaction, so a row another replica holds is skipped and a handled row no longer matches.
 */
@ApplicationScoped
public class SlaScanner {

    private static final String DUE = """
            select * from hr_request
            where (fr_running_since is not null and ((not fr_breach_notified and fr_due_at < :now)
                                                  or (not fr_at_risk_notified and fr_at_risk_at <= :now)))
               or (res_running_since is not null and ((not res_breach_notified and res_due_at < :now)
                                                   or (not res_at_risk_notified and res_at_risk_at <= :now)))
            limit :n
            for update skip locked""";

    private final EntityManager entityManager;
    private final Transitions transitions;
    private final RequestConfig config;
    private final Times times;

    public SlaScanner(EntityManager entityManager, Transitions transitions, RequestConfig config, Times times) {
        this.entityManager = entityManager;
        this.transitions = transitions;
        this.config = config;
        this.times = times;
    }

    public record ScanResult(int atRisk, int breached) {
        ScanResult plus(ScanResult other) {
            return new ScanResult(atRisk + other.atRisk, breached + other.breached);
        }
    }

    @Scheduled(identity = "sla-scan", every = "${hrloop.request.sla.scan-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        ScanResult result = scan();
        if (result.atRisk() + result.breached() > 0) {
            Log.infof("Service levels: %d targets at risk, %d breached", result.atRisk(), result.breached());
        }
    }

    /** One pass over everything due now; returns what this caller announced. */
    public ScanResult scan() {
        ScanResult total = new ScanResult(0, 0);
        while (true) {
            Batch batch = QuarkusTransaction.requiringNew().call(this::batch);
            total = total.plus(batch.result());
            if (batch.rows() < config.sla().batchSize()) {
                return total;
            }
            if (batch.result().atRisk() + batch.result().breached() == 0) {
                Log.warn("Service-level scan found due rows it could not settle; stopping this pass");
                return total;
            }
        }
    }

    private record Batch(int rows, ScanResult result) {
    }

    @SuppressWarnings("unchecked")
    private Batch batch() {
        Instant now = times.now();
        List<HrRequest> due = entityManager.createNativeQuery(DUE, HrRequest.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)).setParameter("n", config.sla().batchSize())
                .getResultList();
        int atRisk = 0;
        int breached = 0;
        for (HrRequest r : due) {
            var before = r.serviceLevels();
            transitions.current(r, now); // a calendar edited since may have moved the due times
            transitions.settle(r, r.serviceLevels(), r.serviceLevels(), now);
            for (SlaTarget target : SlaTarget.values()) {
                if (!before.get(target).breachNotified() && r.serviceLevels().get(target).breachNotified()) {
                    breached++;
                }
                SlaTimer timer = r.serviceLevels().get(target);
                if (timer.running() && !timer.atRiskNotified() && !now.isBefore(timer.atRiskAt())) {
                    transitions.warnAtRisk(r, target, now);
                    atRisk++;
                }
            }
        }
        return new Batch(due.size(), new ScanResult(atRisk, breached));
    }
}
