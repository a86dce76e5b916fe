package io.hrloop.request.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.metrics.CountsByLabel;
import io.hrloop.request.domain.RequestStatus;
import io.hrloop.request.domain.SlaTarget;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * The business figures of request-service: requests by status and type (a gauge read from the database every
 * 30 s, not per scrape), submissions per type, and the service-level counters per target and team, registered
 * at zero for every team of the catalogue so that a breach-rate alert has a series from the start.
 */
@Startup
@ApplicationScoped
public class RequestMetrics {

    private final MeterRegistry registry;
    private final EntityManager entityManager;
    private final CountsByLabel requests;

    public RequestMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.requests = new CountsByLabel(registry, "hrloop.requests", "Requests by status and type");
    }

    public void submitted(String type) {
        registry.counter("hrloop.requests.submitted", "type", type).increment();
    }

    public void breached(SlaTarget target, String team) {
        registry.counter("hrloop.request.sla.breached", "target", target.name(), "team", team).increment();
    }

    public void atRisk(SlaTarget target, String team) {
        registry.counter("hrloop.request.sla.at-risk", "target", target.name(), "team", team).increment();
    }

    @Scheduled(every = "${hrloop.metrics.business-interval:30s}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @SuppressWarnings("unchecked")
    void refresh() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<Object[]> teams = entityManager.createNativeQuery(
                        "select team, key from request_type").getResultList();
                // every status of every type has a series, 0 included
                Map<List<String>, Long> counts = new LinkedHashMap<>();
                for (Object[] type : teams) {
                    for (RequestStatus status : RequestStatus.values()) {
                        counts.put(List.of(status.name(), (String) type[1]), 0L);
                    }
                }
                List<Object[]> rows = entityManager.createNativeQuery(
                        "select status, type_key, count(*) from hr_request group by status, type_key").getResultList();
                rows.forEach(r -> counts.put(List.of((String) r[0], (String) r[1]), ((Number) r[2]).longValue()));
                requests.replace(counts.entrySet().stream().map(e -> CountsByLabel.Row.of(e.getValue(), "status",
                        e.getKey().get(0), "type", e.getKey().get(1))).toList());
                for (Object[] team : teams) {
                    registry.counter("hrloop.requests.submitted", "type", (String) team[1]);
                    for (SlaTarget target : SlaTarget.values()) {
                        registry.counter("hrloop.request.sla.breached", "target", target.name(), "team", (String) team[0]);
                        registry.counter("hrloop.request.sla.at-risk", "target", target.name(), "team", (String) team[0]);
                    }
                }
            });
        } catch (RuntimeException e) {
            Log.debugf("Request metrics not refreshed: %s", e.getMessage());
        }
    }
}
