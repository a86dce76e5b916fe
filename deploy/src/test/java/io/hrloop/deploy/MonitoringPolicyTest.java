package io.hrloop.deploy;

import static io.hrloop.deploy.Edit.at;
import static io.hrloop.deploy.WorkloadPolicyTest.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.hrloop.deploy.MonitoringPolicies.MonitoredMetrics;

/**
 * Prometheus scrapes every workload, the alerts and the dashboard read exactly the metrics of
 * base/monitoring/metrics.txt (the list a system test checks against the running services), and every
 * alert has its runbook section in deploy/README.md.
 */
class MonitoringPolicyTest {

    private static final String FEEDBACK = "feedback-service";

    @Test
    void theAlertsCoverWhatAnOperatorMustActOn() {
        List<String> alerts = Kustomize.load(Repo.base()).resources().stream().filter(m -> m.is("PrometheusRule"))
                .flatMap(rule -> rule.spec().path("groups").findValuesAsText("alert").stream()).sorted().toList();

        assertEquals(List.of("HRLoopConsumerLagging", "HRLoopConsumerRestarting", "HRLoopConsumerStopped",
                "HRLoopDatabasePoolSaturated", "HRLoopDeadLettersParked", "HRLoopEventsDeadLettered",
                "HRLoopKafkaBrokerUnreachable", "HRLoopMailBacklogOld", "HRLoopMailParked", "HRLoopOutboxBacklogOld", "HRLoopOutboxRowsParked", "HRLoopServerErrors",
                "HRLoopSlaBreachRate"), alerts);
    }

    @Test
    void theListedMetricsAreTheRuntimeContractsNames() {
        MonitoredMetrics metrics = MonitoredMetrics.load();

        assertTrue(metrics.services().keySet().stream()
                .allMatch(m -> m.startsWith("hrloop_") || m.startsWith("http_server_requests_seconds_") || m.startsWith("agroal_")),
                metrics.services().keySet().toString());
        assertEquals(List.of("feedback-service", "improvement-service"), metrics.services().get("hrloop_consumer_lag"));
        assertEquals(List.of("request-service"), metrics.services().get("hrloop_request_sla_breached_total"));
    }

    @Test
    void aServiceWithoutPodMonitorOrScrapedOnTheApiPortIsRefused() {
        assertViolation("Deployment feedback-service has no PodMonitor: Prometheus does not scrape it",
                Edit.base().remove("PodMonitor", FEEDBACK));
        Edit edit = Edit.base().change("PodMonitor", FEEDBACK, m -> at(m, "spec.podMetricsEndpoints[0]")
                .put("port", "http").put("path", "/metrics"));
        assertViolation("PodMonitor feedback-service scrapes port http of Deployment feedback-service, not its management port", edit);
        assertViolation("PodMonitor feedback-service scrapes /metrics, not /q/metrics", edit);
        assertViolation("does not name the job after the service",
                Edit.base().change("PodMonitor", FEEDBACK, m -> at(m, "spec").remove("jobLabel")));
    }

    @Test
    void databasesAndKafkaMustBeScrapedToo() {
        assertViolation("no PodMonitor scrapes the port metrics of Cluster feedback-db's instances",
                Edit.base().remove("PodMonitor", "feedback-db"));
        assertViolation("no PodMonitor scrapes the brokers of Kafka hrloop (port tcp-prometheus)",
                Edit.base().remove("PodMonitor", "hrloop-kafka"));
        Edit kafka = Edit.base().change("Kafka", "hrloop", k -> {
            at(k, "spec").remove("kafkaExporter");
            at(k, "spec.kafka.metricsConfig.valueFrom.configMapKeyRef").put("key", "metrics.yml");
        });
        assertViolation("Kafka hrloop runs no Kafka Exporter", kafka);
        assertViolation("Kafka hrloop reads its metrics rules from ConfigMap kafka-metrics key metrics.yml, which the manifests do not have", kafka);
    }

    @Test
    void anAlertOnAnUnlistedMetricOrWithoutRunbookIsRefused() {
        Edit edit = Edit.base().change("PrometheusRule", "hrloop", r -> {
            ObjectNode rule = at(r, "spec.groups[0].rules[0]");
            rule.put("expr", "max by (job) (hrloop_consumer_seconds_since_last_poll) > 120");
            ((ObjectNode) rule.get("labels")).remove("severity");
            ((ObjectNode) rule.get("annotations")).put("runbook_url", "https://wiki.example.com/consumer");
        });
        assertViolation("use hrloop_consumer_seconds_since_last_poll, which monitoring/metrics.txt does not list", edit);
        assertViolation("PrometheusRule hrloop HRLoopConsumerStopped has no severity label", edit);
        assertViolation("has runbook_url https://wiki.example.com/consumer, not deploy/README.md#hrloopconsumerstopped", edit);
    }

    @Test
    void anAlertWithoutReadmeSectionIsRefused() {
        assertViolation("PrometheusRule hrloop HRLoopConsumerCrashing has no section (a heading \"HRLoopConsumerCrashing\") in deploy/README.md",
                Edit.base().change("PrometheusRule", "hrloop", r -> at(r, "spec.groups[0].rules[0]")
                        .put("alert", "HRLoopConsumerCrashing")
                        .with("annotations").put("runbook_url", "deploy/README.md#hrloopconsumercrashing")));
    }

    @Test
    void aDashboardThatIsNotJsonOrMissingIsRefused() {
        assertViolation("ConfigMap hrloop-grafana-dashboards hrloop-loop-health.json is not valid JSON",
                Edit.base().change("ConfigMap", "hrloop-grafana-dashboards", c -> at(c, "data")
                        .put("hrloop-loop-health.json", "{\"panels\": [")));
        assertViolation("GrafanaDashboard hrloop-loop-health reads ConfigMap hrloop-grafana-dashboards key loop.json",
                Edit.base().change("GrafanaDashboard", "hrloop-loop-health", g -> at(g, "spec.configMapRef").put("key", "loop.json")));
    }

    @Test
    void promQlMetricNamesIgnoreFunctionsLabelsRangesAndKeywords() {
        assertEquals(Set.of("http_server_requests_seconds_count"), PromQl.metricNames("""
                sum by (namespace, job) (rate(http_server_requests_seconds_count{outcome="SERVER_ERROR", job=~"a|b"}[5m]))
                / on (job) group_left sum without (pod) (rate(http_server_requests_seconds_count[$__rate_interval])) > bool 0.05
                """));
        assertEquals(Set.of("a_total", "b"), PromQl.metricNames("increase(a_total[1h]) and b offset 5m unless 3"));
        assertEquals(Set.of("hrloop_outbox_backlog"), PromQl.metricNames("label_values(hrloop_outbox_backlog, namespace)"));
        assertEquals(Set.of("http_server_requests_seconds_bucket"), new TreeSet<>(PromQl.metricNames(
                "histogram_quantile(0.99, sum by (job, le) (rate(http_server_requests_seconds_bucket{namespace=\"$namespace\"}[5m])))")));
        assertFalse(MonitoringPolicies.balanced("sum(rate(x[5m])"));
        assertTrue(MonitoringPolicies.balanced("sum(rate(x{a=\"(\"}[5m]))"));
    }
}
