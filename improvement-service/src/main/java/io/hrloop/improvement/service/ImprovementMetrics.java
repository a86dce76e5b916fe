package io.hrloop.improvement.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.metrics.CountsByLabel;
import io.hrloop.improvement.domain.ItemStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/** Improvement items by status: a gauge read from the database every 30 s, not per scrape. */
@Startup
@ApplicationScoped
public class ImprovementMetrics {

    private final EntityManager entityManager;
    private final CountsByLabel items;

    public ImprovementMetrics(MeterRegistry registry, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.items = new CountsByLabel(registry, "hrloop.improvements", "Improvement items by status");
    }

    @Scheduled(every = "${hrloop.metrics.business-interval:30s}", delay = 1,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @SuppressWarnings("unchecked")
    void refresh() {
        try {
            List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                    "select status, count(*) from improvement_item group by status").getResultList());
            Map<String, Long> counts = new LinkedHashMap<>();
            for (ItemStatus status : ItemStatus.values()) {
                counts.put(status.name(), 0L); // every status has a series, 0 included
            }
            rows.forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
            items.replace(counts.entrySet().stream().map(e -> CountsByLabel.Row.of(e.getValue(), "status", e.getKey()))
                    .toList());
        } catch (RuntimeException e) {
            Log.debugf("Improvement metrics not refreshed: %s", e.getMessage());
        }
    }
}
