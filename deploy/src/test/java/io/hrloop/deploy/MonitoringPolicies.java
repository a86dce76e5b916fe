package io.hrloop.deploy;

import static io.hrloop.deploy.WorkloadPolicies.orEmpty;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * What Prometheus and Grafana see: every service, database and Kafka cluster is scraped (the services on
 * their management port), the alerts and the dashboard read only the metrics of metrics.txt and all of
 * them, every alert says how bad it is and has its section in deploy/README.md, and every dashboard is
 * valid JSON that Grafana can find.
 */
final class MonitoringPolicies {

    static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    static final String RUNBOOK = "deploy/README.md#";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HEADING = Pattern.compile("^#{2,6} (\\S+)\\s*$");

    /** metrics.txt: each metric the rules and dashboards use, and the services that export it. */
    record MonitoredMetrics(Map<String, List<String>> services) {

        static MonitoredMetrics read(String text) {
            Map<String, List<String>> services = new LinkedHashMap<>();
            text.lines().map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(line -> {
                String[] fields = line.split("\\s+");
                services.put(fields[0], List.of(fields).subList(1, fields.length));
            });
            return new MonitoredMetrics(services);
        }

        static MonitoredMetrics load() {
            return read(Repo.read(Repo.monitoredMetrics()));
        }
    }

    private final ManifestSet set;
    private final MonitoredMetrics metrics;
    private final Set<String> serviceNames;
    private final String readme;

    MonitoringPolicies(ManifestSet set, MonitoredMetrics metrics, Set<String> serviceNames, String readme) {
        this.set = set;
        this.metrics = metrics;
        this.serviceNames = serviceNames;
        this.readme = readme;
    }

    List<String> check() {
        List<String> violations = new ArrayList<>();
        for (Deployment deployment : set.deployments()) {
            service(deployment, violations);
        }
        for (Manifest cluster : set.ofKind("Cluster")) {
            if (scrapers(Map.of("cnpg.io/cluster", cluster.name(), "cnpg.io/podRole", "instance"), "metrics").isEmpty()) {
                violations.add("no PodMonitor scrapes the port metrics of Cluster " + cluster.name() + "'s instances");
            }
        }
        for (Manifest kafka : set.ofKind("Kafka")) {
            kafka(kafka, violations);
        }
        Set<String> used = new TreeSet<>();
        if (!set.ofKind("Deployment").isEmpty() && set.ofKind("PrometheusRule").isEmpty()) {
            violations.add("no PrometheusRule: nothing alerts on the services");
        }
        for (Manifest rule : set.ofKind("PrometheusRule")) {
            rules(rule, used, violations);
        }
        for (ConfigMap map : set.typed("ConfigMap", ConfigMap.class)) {
            if ("1".equals(orEmpty(map.getMetadata().getLabels()).get("grafana_dashboard"))) {
                orEmpty(map.getData()).forEach((key, json) -> dashboard("ConfigMap " + map.getMetadata().getName() + " " + key,
                        json, used, violations));
            }
        }
        for (Manifest dashboard : set.ofKind("GrafanaDashboard")) {
            grafanaDashboard(dashboard, violations);
        }
        if (!set.ofKind("PrometheusRule").isEmpty()) {
            listed(used, violations);
        }
        return violations;
    }

    /** Each service: one PodMonitor on its management port's /q/metrics, the job named after the service. */
    private void service(Deployment deployment, List<String> violations) {
        String name = "Deployment " + deployment.getMetadata().getName();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Optional<ContainerPort> management = WorkloadPolicies.port(container, new IntOrString(WorkloadPolicies.MANAGEMENT));
        List<Manifest> monitors = scrapers(WorkloadPolicies.podLabels(deployment), null);
        if (monitors.isEmpty()) {
            violations.add(name + " has no PodMonitor: Prometheus does not scrape it");
            return;
        }
        for (Manifest monitor : monitors) {
            for (JsonNode endpoint : monitor.spec().path("podMetricsEndpoints")) {
                String port = endpoint.path("port").asText();
                if (management.isEmpty() || !management.get().getName().equals(port)) {
                    violations.add("PodMonitor " + monitor.name() + " scrapes port " + port + " of " + name
                            + ", not its management port");
                }
                if (!"/q/metrics".equals(endpoint.path("path").asText())) {
                    violations.add("PodMonitor " + monitor.name() + " scrapes " + endpoint.path("path").asText("/metrics")
                            + ", not /q/metrics");
                }
            }
            if (!"app.kubernetes.io/name".equals(monitor.spec().path("jobLabel").asText())) {
                violations.add("PodMonitor " + monitor.name() + " does not name the job after the service"
                        + " (jobLabel: app.kubernetes.io/name): the alerts group by job");
            }
        }
    }

    /** PodMonitors (of this namespace) whose selector matches the pod labels, optionally scraping a named port. */
    private List<Manifest> scrapers(Map<String, String> podLabels, String port) {
        List<Manifest> found = new ArrayList<>();
        for (Manifest monitor : set.ofKind("PodMonitor")) {
            LabelSelector selector = Yaml.MAPPER.convertValue(monitor.spec().path("selector"), LabelSelector.class);
            boolean ports = port == null || monitor.spec().path("podMetricsEndpoints").findValuesAsText("port").contains(port);
            if (ManifestSet.selects(selector, podLabels) && ports) {
                found.add(monitor);
            }
        }
        return found;
    }

    /** Strimzi: JMX exporter rules from a ConfigMap of these manifests, the Kafka Exporter, and a PodMonitor. */
    private void kafka(Manifest kafka, List<String> violations) {
        JsonNode metricsConfig = kafka.spec().path("kafka").path("metricsConfig");
        JsonNode ref = metricsConfig.path("valueFrom").path("configMapKeyRef");
        if (!"jmxPrometheusExporter".equals(metricsConfig.path("type").asText())) {
            violations.add("Kafka " + kafka.name() + " exports no broker metrics (spec.kafka.metricsConfig)");
        } else if (set.configMap(ref.path("name").asText())
                .map(map -> !orEmpty(map.getData()).containsKey(ref.path("key").asText())).orElse(true)) {
            violations.add("Kafka " + kafka.name() + " reads its metrics rules from ConfigMap " + ref.path("name").asText()
                    + " key " + ref.path("key").asText() + ", which the manifests do not have");
        }
        if (kafka.spec().path("kafkaExporter").isMissingNode()) {
            violations.add("Kafka " + kafka.name() + " runs no Kafka Exporter (spec.kafkaExporter): no consumer-group lag from the brokers");
        }
        Map<String, String> broker = Map.of("strimzi.io/cluster", kafka.name(), "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka.name() + "-kafka");
        if (scrapers(broker, "tcp-prometheus").isEmpty()) {
            violations.add("no PodMonitor scrapes the brokers of Kafka " + kafka.name() + " (port tcp-prometheus)");
        }
    }

    private void rules(Manifest rule, Set<String> used, List<String> violations) {
        for (JsonNode group : rule.spec().path("groups")) {
            for (JsonNode entry : group.path("rules")) {
                String alert = entry.path("alert").asText(entry.path("record").asText("?"));
                String where = "PrometheusRule " + rule.name() + " " + alert;
                String expr = entry.path("expr").asText();
                if (!balanced(expr)) {
                    violations.add(where + " has unbalanced brackets in its expression");
                }
                used.addAll(PromQl.metricNames(expr));
                if (!entry.has("alert")) {
                    continue;
                }
                if (!SEVERITIES.contains(entry.path("labels").path("severity").asText())) {
                    violations.add(where + " has no severity label (one of " + SEVERITIES + ")");
                }
                for (String annotation : List.of("summary", "description")) {
                    if (entry.path("annotations").path(annotation).asText().isBlank()) {
                        violations.add(where + " has no " + annotation + " annotation");
                    }
                }
                String runbook = entry.path("annotations").path("runbook_url").asText();
                if (!runbook.equals(RUNBOOK + alert.toLowerCase())) {
                    violations.add(where + " has runbook_url " + runbook + ", not " + RUNBOOK + alert.toLowerCase());
                } else if (readme.lines().map(HEADING::matcher).noneMatch(m -> m.matches() && m.group(1).equals(alert))) {
                    violations.add(where + " has no section (a heading \"" + alert + "\") in deploy/README.md");
                }
            }
        }
    }

    private void dashboard(String where, String json, Set<String> used, List<String> violations) {
        JsonNode dashboard;
        try {
            dashboard = JSON.readTree(json);
        } catch (IOException e) {
            violations.add(where + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
            return;
        }
        if (dashboard.path("uid").asText().isBlank() || dashboard.path("title").asText().isBlank()) {
            violations.add(where + " has no uid or title");
        }
        if (dashboard.path("panels").isEmpty()) {
            violations.add(where + " has no panels");
        }
        for (JsonNode expr : dashboard.findValues("expr")) {
            if (!balanced(expr.asText())) {
                violations.add(where + " has a query with unbalanced brackets: " + expr.asText());
            }
            used.addAll(PromQl.metricNames(expr.asText()));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            if ("query".equals(variable.path("type").asText())) {
                used.addAll(PromQl.metricNames(query.isObject() ? query.path("query").asText() : query.asText()));
            }
        }
    }

    private void grafanaDashboard(Manifest dashboard, List<String> violations) {
        JsonNode ref = dashboard.spec().path("configMapRef");
        if (!ref.isMissingNode()) {
            boolean present = set.configMap(ref.path("name").asText())
                    .map(map -> orEmpty(map.getData()).containsKey(ref.path("key").asText())).orElse(false);
            if (!present) {
                violations.add("GrafanaDashboard " + dashboard.name() + " reads ConfigMap " + ref.path("name").asText()
                        + " key " + ref.path("key").asText() + ", which the manifests do not have");
            }
        } else if (dashboard.spec().path("json").isMissingNode()) {
            violations.add("GrafanaDashboard " + dashboard.name() + " has neither configMapRef nor json");
        }
    }

    /** The rules and dashboards use exactly the listed metrics, and the list names real services. */
    private void listed(Set<String> used, List<String> violations) {
        for (String metric : used) {
            if (!metrics.services().containsKey(metric)) {
                violations.add("the alerts or dashboards use " + metric + ", which " + Repo.base().relativize(Repo.monitoredMetrics())
                        + " does not list (the services may not export it)");
            }
        }
        metrics.services().forEach((metric, services) -> {
            if (!used.contains(metric)) {
                violations.add(metric + " is listed as monitored but no alert or dashboard uses it");
            }
            if (services.isEmpty() || !serviceNames.containsAll(services)) {
                violations.add(metric + " is exported by " + services + ", which are not all services " + serviceNames);
            }
        });
    }

    static boolean balanced(String expr) {
        int depth = 0;
        String open = "({[";
        String close = ")}]";
        StringBuilder stack = new StringBuilder();
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && open.indexOf(c) >= 0) {
                stack.append(c);
                depth++;
            } else if (!quoted && close.indexOf(c) >= 0) {
                if (depth == 0 || stack.charAt(depth - 1) != open.charAt(close.indexOf(c))) {
                    return false;
                }
                stack.setLength(--depth);
            }
        }
        return depth == 0 && !quoted;
    }
}
