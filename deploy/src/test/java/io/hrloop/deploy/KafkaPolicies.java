package io.hrloop.deploy;

import static io.hrloop.deploy.WorkloadPolicies.orEmpty;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import io.hrloop.deploy.Repo.ServiceModule;
import io.hrloop.deploy.WiringPolicies.Env;

/**
 * Kafka as the services use it: every topic of the event contract and every dead-letter topic exists
 * with the durability settings, each service reaches the TLS+SCRAM listener as its own KafkaUser whose
 * ACLs cover what its configuration consumes, and a consumer never has more replicas than partitions.
 */
final class KafkaPolicies {

    static final int MIN_PARTITIONS = 6;
    static final int REPLICAS = 3;
    static final int MIN_INSYNC = 2;

    private final ManifestSet set;
    private final List<ServiceModule> services;
    private final Set<String> eventTopics;

    KafkaPolicies(ManifestSet set, List<ServiceModule> services, Set<String> eventTopics) {
        this.set = set;
        this.services = services;
        this.eventTopics = eventTopics;
    }

    List<String> check() {
        List<String> violations = new ArrayList<>();
        List<Manifest> kafkas = set.ofKind("Kafka");
        if (kafkas.size() != 1) {
            violations.add("expected one Strimzi Kafka cluster, found " + kafkas.size());
            return violations;
        }
        Manifest kafka = kafkas.getFirst();
        cluster(kafka, violations);
        Map<String, Manifest> topics = topics(kafka.name(), violations);
        for (String topic : eventTopics) {
            topic(topics, topic, MIN_PARTITIONS, violations);
        }
        for (ServiceModule service : services) {
            topic(topics, service.deadLetterTopic(), 1, violations);
        }
        users(kafka.name(), topics, violations);
        for (Deployment deployment : set.deployments()) {
            client(kafka, deployment, topics, violations);
        }
        return violations;
    }

    private void cluster(Manifest kafka, List<String> violations) {
        JsonNode config = kafka.spec().path("kafka").path("config");
        if (config.path("min.insync.replicas").asInt(1) < MIN_INSYNC) {
            violations.add("Kafka " + kafka.name() + " default min.insync.replicas is below " + MIN_INSYNC);
        }
        if (config.path("auto.create.topics.enable").asBoolean(true)) {
            violations.add("Kafka " + kafka.name() + " lets clients create topics (auto.create.topics.enable)");
        }
        int brokers = 0;
        int controllers = 0;
        for (Manifest pool : set.ofKind("KafkaNodePool")) {
            if (!kafka.name().equals(label(pool, "strimzi.io/cluster"))) {
                violations.add(pool + " does not belong to Kafka " + kafka.name() + " (strimzi.io/cluster label)");
                continue;
            }
            List<String> roles = new ArrayList<>();
            pool.spec().path("roles").forEach(role -> roles.add(role.asText()));
            int replicas = pool.spec().path("replicas").asInt();
            brokers += roles.contains("broker") ? replicas : 0;
            controllers += roles.contains("controller") ? replicas : 0;
        }
        if (brokers < REPLICAS) {
            violations.add("Kafka " + kafka.name() + " has " + brokers + " brokers, fewer than the replication factor " + REPLICAS);
        }
        if (controllers < 3 || controllers % 2 == 0) {
            violations.add("Kafka " + kafka.name() + " has " + controllers + " KRaft controllers; a quorum needs an odd number, at least 3");
        }
    }

    private Map<String, Manifest> topics(String cluster, List<String> violations) {
        Map<String, Manifest> topics = new HashMap<>();
        for (Manifest topic : set.ofKind("KafkaTopic")) {
            if (!cluster.equals(label(topic, "strimzi.io/cluster"))) {
                violations.add(topic + " is not labelled strimzi.io/cluster: " + cluster + "; no operator would create it");
            }
            topics.put(topic.spec().path("topicName").asText(topic.name()), topic);
        }
        return topics;
    }

    private static void topic(Map<String, Manifest> topics, String name, int minPartitions, List<String> violations) {
        Manifest topic = topics.get(name);
        if (topic == null) {
            violations.add("no KafkaTopic " + name);
            return;
        }
        JsonNode spec = topic.spec();
        if (spec.path("partitions").asInt(0) < minPartitions) {
            violations.add("KafkaTopic " + name + " has " + spec.path("partitions").asInt(0) + " partitions, fewer than " + minPartitions);
        }
        if (spec.path("replicas").asInt(0) != REPLICAS) {
            violations.add("KafkaTopic " + name + " has " + spec.path("replicas").asInt(0) + " replicas, not " + REPLICAS);
        }
        if (spec.path("config").path("min.insync.replicas").asInt(0) != MIN_INSYNC) {
            violations.add("KafkaTopic " + name + " does not set min.insync.replicas " + MIN_INSYNC);
        }
    }

    private void users(String cluster, Map<String, Manifest> topics, List<String> violations) {
        Map<String, Integer> writers = new HashMap<>();
        for (Manifest user : set.ofKind("KafkaUser")) {
            if (!cluster.equals(label(user, "strimzi.io/cluster"))) {
                violations.add(user + " is not labelled strimzi.io/cluster: " + cluster);
            }
            for (JsonNode acl : user.spec().path("authorization").path("acls")) {
                JsonNode resource = acl.path("resource");
                String type = resource.path("type").asText();
                String name = resource.path("name").asText();
                List<String> operations = new ArrayList<>();
                acl.path("operations").forEach(op -> operations.add(op.asText()));
                if (operations.contains("All") || "*".equals(name) || "prefix".equals(resource.path("patternType").asText())) {
                    violations.add("KafkaUser " + user.name() + " has a broad ACL (" + type + " " + name + " " + operations + ")");
                }
                if ("topic".equals(type) && !topics.containsKey(name)) {
                    violations.add("KafkaUser " + user.name() + " has an ACL on topic " + name + ", which no KafkaTopic declares");
                }
                if ("topic".equals(type) && operations.contains("Write")) {
                    writers.merge(name, 1, Integer::sum);
                }
            }
        }
        for (String topic : eventTopics) {
            if (!writers.containsKey(topic)) {
                violations.add("no KafkaUser may write to " + topic + ": its producer would be refused");
            }
        }
        for (ServiceModule service : services) {
            Optional<Manifest> user = set.find("KafkaUser", service.name());
            if (user.isEmpty()) {
                violations.add(service.name() + " has no KafkaUser");
                continue;
            }
            for (String topic : service.consumedTopics()) {
                require(user.get(), "topic", topic, "Read", violations);
            }
            if (!service.consumedTopics().isEmpty()) {
                require(user.get(), "group", service.consumerGroup(), "Read", violations);
                require(user.get(), "topic", service.deadLetterTopic(), "Write", violations);
            }
        }
    }

    private static void require(Manifest user, String type, String name, String operation, List<String> violations) {
        for (JsonNode acl : user.spec().path("authorization").path("acls")) {
            if (type.equals(acl.path("resource").path("type").asText()) && name.equals(acl.path("resource").path("name").asText())) {
                for (JsonNode op : acl.path("operations")) {
                    if (operation.equals(op.asText())) {
                        return;
                    }
                }
            }
        }
        violations.add("KafkaUser " + user.name() + " may not " + operation + " " + type + " " + name
                + " (its application.properties needs it)");
    }

    private void client(Manifest kafka, Deployment deployment, Map<String, Manifest> topics, List<String> violations) {
        String name = deployment.getMetadata().getName();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, Env> env = WiringPolicies.environment(set, container);
        String bootstrap = Optional.ofNullable(env.get("HRLOOP_KAFKA_BOOTSTRAP")).map(Env::literal).orElse("");
        Optional<JsonNode> listener = listener(kafka, bootstrap);
        if (listener.isEmpty()) {
            violations.add("Deployment " + name + " connects to " + bootstrap + ", which is no listener of Kafka " + kafka.name());
            return;
        }
        if (!listener.get().path("tls").asBoolean() || !"scram-sha-512".equals(listener.get().path("authentication").path("type").asText())) {
            violations.add("Deployment " + name + " uses a listener without TLS and SCRAM-SHA-512");
        }
        if (!"SASL_SSL".equals(literal(env, "KAFKA_SECURITY_PROTOCOL")) || !"SCRAM-SHA-512".equals(literal(env, "KAFKA_SASL_MECHANISM"))) {
            violations.add("Deployment " + name + " does not set KAFKA_SECURITY_PROTOCOL=SASL_SSL and KAFKA_SASL_MECHANISM=SCRAM-SHA-512");
        }
        String jaasSecret = Optional.ofNullable(env.get("KAFKA_SASL_JAAS_CONFIG")).map(Env::secret).orElse(null);
        if (jaasSecret == null || set.find("KafkaUser", jaasSecret).isEmpty()) {
            violations.add("Deployment " + name + " takes KAFKA_SASL_JAAS_CONFIG from " + jaasSecret + ", which is no KafkaUser's Secret");
        } else if (!jaasSecret.equals(name)) {
            violations.add("Deployment " + name + " logs in to Kafka as " + jaasSecret + ", not as its own KafkaUser");
        }
        Map<String, String> labels = WorkloadPolicies.podLabels(deployment);
        JsonNode peers = listener.get().path("networkPolicyPeers");
        if (!peers.isEmpty() && !peersAdmit(peers, labels)) {
            violations.add("the networkPolicyPeers of Kafka listener " + listener.get().path("name").asText()
                    + " do not admit the pods of Deployment " + name);
        }
        Map<String, String> brokerLabels = Map.of("strimzi.io/cluster", kafka.name(), "strimzi.io/kind", "Kafka",
                "strimzi.io/name", kafka.name() + "-kafka", "strimzi.io/broker-role", "true");
        if (!set.egressAllowed(labels, brokerLabels, listener.get().path("port").asInt())) {
            violations.add("the NetworkPolicy of Deployment " + name + " does not let it reach the Kafka brokers on port "
                    + listener.get().path("port").asInt());
        }
        services.stream().filter(s -> s.name().equals(name)).findFirst().ifPresent(service ->
                set.autoscalerOf(name).ifPresent(hpa -> {
                    for (String consumed : service.consumedTopics()) {
                        int partitions = Optional.ofNullable(topics.get(consumed)).map(t -> t.spec().path("partitions").asInt()).orElse(0);
                        if (hpa.getSpec().getMaxReplicas() > partitions) {
                            violations.add("Deployment " + name + " may scale to " + hpa.getSpec().getMaxReplicas()
                                    + " replicas but " + consumed + " has " + partitions + " partitions: the extra consumers would idle");
                        }
                    }
                }));
    }

    /** The listener "<cluster>-kafka-bootstrap[.namespace[.svc...]]:port" points at. */
    private static Optional<JsonNode> listener(Manifest kafka, String bootstrap) {
        String prefix = kafka.name() + "-kafka-bootstrap";
        int colon = bootstrap.lastIndexOf(':');
        if (colon < 0 || !(bootstrap.substring(0, colon).equals(prefix) || bootstrap.startsWith(prefix + "."))) {
            return Optional.empty();
        }
        String port = bootstrap.substring(colon + 1);
        for (JsonNode listener : kafka.spec().path("kafka").path("listeners")) {
            if (listener.path("port").asText().equals(port) && "internal".equals(listener.path("type").asText())) {
                return Optional.of(listener);
            }
        }
        return Optional.empty();
    }

    private static boolean peersAdmit(JsonNode peers, Map<String, String> labels) {
        for (JsonNode peer : peers) {
            if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                LabelSelector selector = Yaml.MAPPER.convertValue(peer.path("podSelector"), LabelSelector.class);
                if (ManifestSet.selects(selector, labels)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String literal(Map<String, Env> env, String name) {
        return Optional.ofNullable(env.get(name)).map(Env::literal).orElse(null);
    }

    static String label(Manifest manifest, String key) {
        return manifest.node().path("metadata").path("labels").path(key).asText(null);
    }
}
