package io.hrloop.deploy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import io.hrloop.deploy.Repo.ServiceModule;
import io.hrloop.deploy.WiringPolicies.Env;

/**
 * PostgreSQL as the services use it: each service owns one CloudNativePG cluster (no sharing), connects
 * to its primary over verified TLS with the owner credentials the operator generated, may reach it
 * through the NetworkPolicies, and never opens more connections than the server accepts when the
 * autoscaler is at its maximum. Clusters are highly available across zones and backed up on a schedule
 * through the Barman Cloud plugin (CloudNativePG's in-tree barmanObjectStore is deprecated since 1.26).
 */
final class DatabasePolicies {

    static final Pattern JDBC = Pattern.compile("^jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?$");
    static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
    static final String ZONE = "topology.kubernetes.io/zone";
    /** Connections kept aside for the operator, replication and a person with psql. */
    static final int RESERVED_CONNECTIONS = 10;

    private final ManifestSet set;
    private final List<ServiceModule> services;
    private final Provided provided;

    DatabasePolicies(ManifestSet set, List<ServiceModule> services, Provided provided) {
        this.set = set;
        this.services = services;
        this.provided = provided;
    }

    List<String> check() {
        List<String> violations = new ArrayList<>();
        Map<String, String> owners = new HashMap<>();
        for (Deployment deployment : set.deployments()) {
            connection(deployment, owners, violations);
        }
        for (Manifest cluster : set.ofKind("Cluster")) {
            cluster(cluster, violations);
            boolean scheduled = set.ofKind("ScheduledBackup").stream()
                    .anyMatch(b -> cluster.name().equals(b.spec().path("cluster").path("name").asText()));
            if (!scheduled) {
                violations.add("Cluster " + cluster.name() + " has no ScheduledBackup");
            }
        }
        for (Manifest backup : set.ofKind("ScheduledBackup")) {
            String clusterName = backup.spec().path("cluster").path("name").asText();
            Optional<Manifest> cluster = set.find("Cluster", clusterName);
            String method = backup.spec().path("method").asText("barmanObjectStore");
            if (cluster.isEmpty()) {
                violations.add("ScheduledBackup " + backup.name() + " backs up Cluster " + clusterName + ", which does not exist");
            } else if (!"plugin".equals(method)
                    || !BARMAN_PLUGIN.equals(backup.spec().path("pluginConfiguration").path("name").asText())) {
                violations.add("ScheduledBackup " + backup.name() + " uses " + method + ", not method plugin with "
                        + BARMAN_PLUGIN + " (the Cluster archives through that plugin)");
            }
        }
        for (Manifest store : set.ofKind("ObjectStore")) {
            objectStore(store, violations);
        }
        return violations;
    }

    private void connection(Deployment deployment, Map<String, String> owners, List<String> violations) {
        String name = "Deployment " + deployment.getMetadata().getName();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, Env> env = WiringPolicies.environment(set, container);
        String url = Optional.ofNullable(env.get("HRLOOP_DB_URL")).map(Env::literal).orElse("");
        Matcher jdbc = JDBC.matcher(url);
        if (!jdbc.matches()) {
            violations.add(name + " has no PostgreSQL JDBC URL in HRLOOP_DB_URL: " + url);
            return;
        }
        String host = jdbc.group(1);
        int port = jdbc.group(2) == null ? 5432 : Integer.parseInt(jdbc.group(2));
        String clusterName = host.split("\\.")[0].replaceFirst("-rw$", "");
        Optional<Manifest> cluster = set.find("Cluster", clusterName);
        if (!host.split("\\.")[0].endsWith("-rw") || cluster.isEmpty()) {
            violations.add(name + " connects to " + host + ", which is not the primary (-rw) of a CloudNativePG Cluster");
            return;
        }
        String previous = owners.put(clusterName, deployment.getMetadata().getName());
        if (previous != null) {
            violations.add("Cluster " + clusterName + " is used by " + previous + " and " + deployment.getMetadata().getName()
                    + ": each service owns its database");
        }
        JsonNode bootstrap = cluster.get().spec().path("bootstrap");
        String database = bootstrap.path("initdb").path("database").asText(bootstrap.path("recovery").path("database").asText("app"));
        if (!database.equals(jdbc.group(3))) {
            violations.add(name + " opens database " + jdbc.group(3) + " but Cluster " + clusterName + " creates " + database);
        }
        if (jdbc.group(4) == null || !jdbc.group(4).matches(".*[?&]sslmode=verify-full(&.*)?")) {
            violations.add(name + " does not verify the PostgreSQL server (sslmode=verify-full)");
        }
        for (String variable : List.of("HRLOOP_DB_USER", "HRLOOP_DB_PASSWORD")) {
            String secret = Optional.ofNullable(env.get(variable)).map(Env::secret).orElse(null);
            if (!(clusterName + "-app").equals(secret)) {
                violations.add(name + " takes " + variable + " from " + secret + ", not from " + clusterName + "-app");
            }
        }
        Map<String, String> labels = WorkloadPolicies.podLabels(deployment);
        Map<String, String> primary = Map.of("cnpg.io/cluster", clusterName, "cnpg.io/podRole", "instance",
                "cnpg.io/instanceRole", "primary", "role", "primary");
        if (!set.egressAllowed(labels, primary, port)) {
            violations.add("the NetworkPolicy of " + name + " does not let it reach " + clusterName + " on port " + port);
        }
        if (!set.ingressAllowed(primary, labels, port)) {
            violations.add("a NetworkPolicy of " + clusterName + " does not admit " + name + " on port " + port);
        }
        connections(deployment, cluster.get(), violations);
    }

    /** At the autoscaler's maximum, plus the surge pod of a rollout, every pool full. */
    private void connections(Deployment deployment, Manifest cluster, List<String> violations) {
        String name = deployment.getMetadata().getName();
        Optional<ServiceModule> service = services.stream().filter(s -> s.name().equals(name)).findFirst();
        if (service.isEmpty()) {
            return;
        }
        int replicas = set.autoscalerOf(name).map(h -> h.getSpec().getMaxReplicas())
                .orElse(Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1));
        int surge = surge(deployment, replicas);
        int needed = (replicas + surge) * service.get().connectionPoolSize() + RESERVED_CONNECTIONS;
        int max = cluster.spec().path("postgresql").path("parameters").path("max_connections").asInt(100);
        if (needed > max) {
            violations.add("Cluster " + cluster.name() + " accepts " + max + " connections but " + name + " may open "
                    + (needed - RESERVED_CONNECTIONS) + " (" + (replicas + surge) + " pods x "
                    + service.get().connectionPoolSize() + ") plus " + RESERVED_CONNECTIONS + " reserved");
        }
    }

    private static int surge(Deployment deployment, int replicas) {
        var strategy = deployment.getSpec().getStrategy();
        IntOrString surge = strategy == null || strategy.getRollingUpdate() == null ? null
                : strategy.getRollingUpdate().getMaxSurge();
        if (surge == null) {
            return (int) Math.ceil(replicas * 0.25);
        }
        if (surge.getIntVal() != null) {
            return surge.getIntVal();
        }
        return (int) Math.ceil(replicas * Integer.parseInt(surge.getStrVal().replace("%", "")) / 100.0);
    }

    private void cluster(Manifest cluster, List<String> violations) {
        JsonNode spec = cluster.spec();
        if (spec.path("instances").asInt(1) < 2) {
            violations.add("Cluster " + cluster.name() + " has a single instance: no failover");
        }
        if (spec.path("enableSuperuserAccess").asBoolean(false)) {
            violations.add("Cluster " + cluster.name() + " enables superuser access over the network");
        }
        if (!spec.path("backup").path("barmanObjectStore").isMissingNode()) {
            violations.add("Cluster " + cluster.name() + " uses the deprecated in-tree barmanObjectStore: use the Barman Cloud plugin");
        }
        String zone = spec.path("affinity").path("topologyKey").asText("kubernetes.io/hostname");
        if (!ZONE.equals(zone) || !spec.path("affinity").path("enablePodAntiAffinity").asBoolean(true)) {
            violations.add("Cluster " + cluster.name() + " does not spread its instances across zones (affinity.topologyKey "
                    + zone + ")");
        }
        JsonNode archiver = null;
        for (JsonNode plugin : spec.path("plugins")) {
            if (BARMAN_PLUGIN.equals(plugin.path("name").asText()) && plugin.path("isWALArchiver").asBoolean(false)
                    && plugin.path("enabled").asBoolean(true)) {
                archiver = plugin;
            }
        }
        if (archiver == null) {
            violations.add("Cluster " + cluster.name() + " archives no WAL through the Barman Cloud plugin"
                    + " (spec.plugins: " + BARMAN_PLUGIN + " with isWALArchiver: true): no point-in-time recovery");
            return;
        }
        String store = archiver.path("parameters").path("barmanObjectName").asText();
        if (set.find("ObjectStore", store).isEmpty()) {
            violations.add("Cluster " + cluster.name() + " archives to ObjectStore " + store + ", which does not exist");
        }
        JsonNode recovery = spec.path("bootstrap").path("recovery");
        if (!recovery.isMissingNode()) {
            recovery(cluster, recovery, store, archiver.path("parameters").path("serverName").asText(cluster.name()), violations);
        }
    }

    /** A restored cluster reads another cluster's archive through the plugin and never writes into it. */
    private void recovery(Manifest cluster, JsonNode recovery, String store, String serverName, List<String> violations) {
        String source = recovery.path("source").asText();
        JsonNode origin = null;
        for (JsonNode external : cluster.spec().path("externalClusters")) {
            if (source.equals(external.path("name").asText())) {
                origin = external;
            }
        }
        if (origin == null || !BARMAN_PLUGIN.equals(origin.path("plugin").path("name").asText())) {
            violations.add("Cluster " + cluster.name() + " recovers from " + source
                    + ", which is no externalCluster read through the Barman Cloud plugin");
            return;
        }
        String originStore = origin.path("plugin").path("parameters").path("barmanObjectName").asText();
        String originServer = origin.path("plugin").path("parameters").path("serverName").asText(source);
        if (set.find("ObjectStore", originStore).isEmpty()) {
            violations.add("Cluster " + cluster.name() + " recovers from ObjectStore " + originStore + ", which does not exist");
        }
        if (set.find("Cluster", originServer).isEmpty()) {
            violations.add("Cluster " + cluster.name() + " recovers the backups of server " + originServer
                    + ", which is no Cluster of these manifests");
        }
        if (originStore.equals(store) && originServer.equals(serverName)) {
            violations.add("Cluster " + cluster.name() + " would archive its WAL into the backups it recovers from ("
                    + store + ", server " + serverName + ")");
        }
    }

    /** Where backups go: a retention, and credentials someone provides. */
    private void objectStore(Manifest store, List<String> violations) {
        JsonNode configuration = store.spec().path("configuration");
        if (store.spec().path("retentionPolicy").isMissingNode()) {
            violations.add("ObjectStore " + store.name() + " keeps backups forever (no retentionPolicy)");
        }
        if (!configuration.path("serverName").isMissingNode()) {
            violations.add("ObjectStore " + store.name() + " sets serverName: leave it to each Cluster (its own name)");
        }
        // Object-store credentials: {name, key} references to a Secret someone must provide.
        configuration.path("s3Credentials").forEach(ref -> {
            if (ref.has("name") && ref.has("key")) {
                provided.secret(ref.path("name").asText(), ref.path("key").asText())
                        .ifPresent(p -> violations.add("ObjectStore " + store.name() + ": " + p));
            }
        });
    }
}
