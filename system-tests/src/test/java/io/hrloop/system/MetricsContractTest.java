package io.hrloop.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.hrloop.infra.ServiceProcess;

/**
 * Every metric the alerts and the dashboard use (deploy/k8s/base/monitoring/metrics.txt, which deploy's
 * MonitoringPolicyTest holds the PrometheusRule and the dashboard to) is really exported by the running
 * services on their management port.
 */
class MetricsContractTest {

    private static Suite suite;

    @BeforeAll
    static void startSuite() {
        suite = Suite.get();
        Flow.ensureCatalogue(suite);
    }

    @Test
    void everyMetricTheAlertsAndTheDashboardUseIsExported() throws Exception {
        String id = Flow.submit(suite, "emp-metrics-" + UUID.randomUUID(), "Metrics, please");
        Flow.awaitSnapshots(List.of(id), Duration.ofSeconds(60));
        Thread.sleep(2_000); // the database-read gauges refresh every few seconds
        Path contract = Path.of(System.getProperty("hrloop.root", "..")).resolve("deploy/k8s/base/monitoring/metrics.txt");
        Map<String, ServiceProcess> services = Map.of("request-service", suite.request, "feedback-service",
                suite.feedback, "improvement-service", suite.improvement);
        Map<String, String> scraped = new java.util.HashMap<>();
        for (var service : services.entrySet()) {
            scraped.put(service.getKey(), Flow.call("GET", service.getValue().managementUrl() + "/q/metrics", null, null,
                    Duration.ofSeconds(10)).body());
        }
        List<String> missing = new ArrayList<>();
        int checked = 0;
        for (String line : Files.readAllLines(contract)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            for (int i = 1; i < parts.length; i++) {
                checked++;
                String metrics = scraped.get(parts[i]);
                boolean exported = metrics.lines().anyMatch(m -> m.startsWith(parts[0] + "{") || m.startsWith(parts[0] + " "));
                if (!exported) {
                    missing.add(parts[0] + " on " + parts[i]);
                }
            }
        }
        System.out.printf("[hrloop-system] metrics contract: %d (metric, service) pairs checked, %d missing%n", checked,
                missing.size());
        assertEquals(List.of(), missing, "metrics the alerts or the dashboard use but a service does not export");
    }
}
