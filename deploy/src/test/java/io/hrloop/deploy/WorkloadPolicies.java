package io.hrloop.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * What every Deployment of HR Loop must have: probes on the Quarkus health endpoints of the management
 * port, resources, the restricted security context, and its Service (the API port only),
 * HorizontalPodAutoscaler, PodDisruptionBudget and NetworkPolicies. Each method returns human-readable
 * violations; none means the policy holds.
 */
final class WorkloadPolicies {

    static final String HTTP = "http";
    /** Quarkus' management interface: health and metrics, for the kubelet and Prometheus only. */
    static final String MANAGEMENT = "management";

    private final ManifestSet set;

    WorkloadPolicies(ManifestSet set) {
        this.set = set;
    }

    List<String> check() {
        List<String> violations = new ArrayList<>();
        if (set.deployments().isEmpty()) {
            violations.add("no Deployment at all");
        }
        for (Deployment deployment : set.deployments()) {
            String name = "Deployment " + deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (Container container : pod.getContainers()) {
                String where = name + " container " + container.getName();
                probes(where, container, violations);
                resources(where, container, violations);
                security(where, pod.getSecurityContext(), container.getSecurityContext(), violations);
            }
            podSecurity(name, pod, violations);
            writableTmp(name, pod, violations);
            serviceAccount(name, pod, violations);
            service(name, deployment, violations);
            scaling(name, deployment, violations);
            networkPolicy(name, deployment, violations);
        }
        return violations;
    }

    private static void probes(String where, Container container, List<String> violations) {
        probe(where, "readinessProbe", container.getReadinessProbe(), "/q/health/ready", container, violations);
        probe(where, "livenessProbe", container.getLivenessProbe(), "/q/health/live", container, violations);
        probe(where, "startupProbe", container.getStartupProbe(), "/q/health/", container, violations);
    }

    private static void probe(String where, String kind, Probe probe, String pathPrefix, Container container,
            List<String> violations) {
        if (probe == null || probe.getHttpGet() == null) {
            violations.add(where + " has no HTTP " + kind);
            return;
        }
        String path = Objects.toString(probe.getHttpGet().getPath(), "");
        if (!path.startsWith(pathPrefix)) {
            violations.add(where + " " + kind + " probes " + path + ", not " + pathPrefix + "*");
        }
        Optional<ContainerPort> port = port(container, probe.getHttpGet().getPort());
        if (port.isEmpty()) {
            violations.add(where + " " + kind + " probes port " + probe.getHttpGet().getPort().getValue()
                    + ", which the container does not declare");
        } else if (!MANAGEMENT.equals(port.get().getName())) {
            violations.add(where + " " + kind + " probes port " + probe.getHttpGet().getPort().getValue()
                    + ", not the management port (health is served there)");
        }
    }

    private static void resources(String where, Container container, List<String> violations) {
        if (container.getResources() == null) {
            violations.add(where + " has no resources");
            return;
        }
        Map<String, Quantity> requests = orEmpty(container.getResources().getRequests());
        Map<String, Quantity> limits = orEmpty(container.getResources().getLimits());
        for (String resource : List.of("cpu", "memory")) {
            if (!requests.containsKey(resource)) {
                violations.add(where + " requests no " + resource);
            }
            if (!limits.containsKey(resource)) {
                violations.add(where + " has no " + resource + " limit");
            }
            if (requests.containsKey(resource) && limits.containsKey(resource)
                    && amount(requests.get(resource)).compareTo(amount(limits.get(resource))) > 0) {
                violations.add(where + " requests more " + resource + " than its limit");
            }
        }
    }

    private static java.math.BigDecimal amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity);
    }

    private static void security(String where, PodSecurityContext pod, SecurityContext container,
            List<String> violations) {
        if (container == null) {
            violations.add(where + " has no securityContext");
            return;
        }
        PodSecurityContext podContext = pod == null ? new PodSecurityContext() : pod;
        if (!Boolean.TRUE.equals(firstNonNull(container.getRunAsNonRoot(), podContext.getRunAsNonRoot()))) {
            violations.add(where + " may run as root (runAsNonRoot is not true)");
        }
        Long user = firstNonNull(container.getRunAsUser(), podContext.getRunAsUser());
        if (user != null && user == 0) {
            violations.add(where + " runs as user 0");
        }
        if (!Boolean.TRUE.equals(container.getReadOnlyRootFilesystem())) {
            violations.add(where + " has a writable root filesystem (readOnlyRootFilesystem is not true)");
        }
        if (!Boolean.FALSE.equals(container.getAllowPrivilegeEscalation())) {
            violations.add(where + " allows privilege escalation");
        }
        if (Boolean.TRUE.equals(container.getPrivileged())) {
            violations.add(where + " is privileged");
        }
        Capabilities capabilities = container.getCapabilities();
        if (capabilities == null || capabilities.getDrop() == null || !capabilities.getDrop().contains("ALL")) {
            violations.add(where + " does not drop ALL capabilities");
        } else if (capabilities.getAdd() != null && !capabilities.getAdd().isEmpty()) {
            violations.add(where + " adds capabilities " + capabilities.getAdd());
        }
        String seccomp = container.getSeccompProfile() != null ? container.getSeccompProfile().getType()
                : podContext.getSeccompProfile() != null ? podContext.getSeccompProfile().getType() : null;
        if (!"RuntimeDefault".equals(seccomp)) {
            violations.add(where + " has seccomp profile " + seccomp + ", not RuntimeDefault");
        }
    }

    private static void podSecurity(String name, PodSpec pod, List<String> violations) {
        if (Boolean.TRUE.equals(pod.getHostNetwork()) || Boolean.TRUE.equals(pod.getHostPID())
                || Boolean.TRUE.equals(pod.getHostIPC())) {
            violations.add(name + " shares a host namespace");
        }
    }

    /** A read-only root filesystem needs a writable /tmp for the JVM and Vert.x. */
    private static void writableTmp(String name, PodSpec pod, List<String> violations) {
        for (Container container : pod.getContainers()) {
            boolean tmp = orEmpty(container.getVolumeMounts()).stream()
                    .filter(mount -> "/tmp".equals(mount.getMountPath()))
                    .anyMatch(mount -> volume(pod, mount.getName()).map(v -> v.getEmptyDir() != null).orElse(false));
            if (!tmp) {
                violations.add(name + " container " + container.getName() + " has no emptyDir mounted at /tmp");
            }
        }
    }

    private void serviceAccount(String name, PodSpec pod, List<String> violations) {
        if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
            violations.add(name + " mounts a service account token (automountServiceAccountToken is not false)");
        }
        String account = pod.getServiceAccountName();
        if (account == null || account.isEmpty() || account.equals("default")) {
            violations.add(name + " runs under the default service account");
            return;
        }
        Optional<ServiceAccount> found = set.serviceAccount(account);
        if (found.isEmpty()) {
            violations.add(name + " runs under ServiceAccount " + account + ", which is not in the manifests");
        } else if (!Boolean.FALSE.equals(found.get().getAutomountServiceAccountToken())) {
            violations.add("ServiceAccount " + account + " does not set automountServiceAccountToken: false");
        }
    }

    private void service(String name, Deployment deployment, List<String> violations) {
        Map<String, String> labels = podLabels(deployment);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        boolean served = set.services().stream()
                .filter(service -> ManifestSet.selects(service.getSpec().getSelector(), labels))
                .flatMap(service -> orEmpty(service.getSpec().getPorts()).stream())
                .anyMatch(port -> port(container, port.getTargetPort()).map(p -> HTTP.equals(p.getName())).orElse(false));
        if (!served) {
            violations.add(name + " has no Service selecting its pods and targeting its http port");
        }
        set.services().stream()
                .filter(service -> ManifestSet.selects(service.getSpec().getSelector(), labels))
                .filter(service -> orEmpty(service.getSpec().getPorts()).stream()
                        .anyMatch(port -> port(container, port.getTargetPort()).map(p -> !HTTP.equals(p.getName())).orElse(true)))
                .forEach(service -> violations.add("Service " + service.getMetadata().getName()
                        + " exposes another port of " + name + " than http (health and metrics stay inside the cluster)"));
    }

    private void scaling(String name, Deployment deployment, List<String> violations) {
        String deploymentName = deployment.getMetadata().getName();
        Optional<HorizontalPodAutoscaler> hpa = set.autoscalerOf(deploymentName);
        if (hpa.isEmpty()) {
            violations.add(name + " has no HorizontalPodAutoscaler");
        } else {
            int min = Objects.requireNonNullElse(hpa.get().getSpec().getMinReplicas(), 1);
            int max = hpa.get().getSpec().getMaxReplicas();
            if (min < 2) {
                violations.add(name + ": HorizontalPodAutoscaler minReplicas " + min + " leaves a single replica");
            }
            if (max < min) {
                violations.add(name + ": HorizontalPodAutoscaler maxReplicas " + max + " is below minReplicas " + min);
            }
            if (orEmpty(hpa.get().getSpec().getMetrics()).isEmpty()) {
                violations.add(name + ": HorizontalPodAutoscaler has no metric");
            }
            if (deployment.getSpec().getReplicas() != null) {
                violations.add(name + " sets replicas although its HorizontalPodAutoscaler owns the count"
                        + " (every apply would reset it)");
            }
        }
        Map<String, String> labels = podLabels(deployment);
        List<PodDisruptionBudget> budgets = set.disruptionBudgets().stream()
                .filter(pdb -> ManifestSet.selects(pdb.getSpec().getSelector(), labels))
                .toList();
        if (budgets.isEmpty()) {
            violations.add(name + " has no PodDisruptionBudget");
        }
        for (PodDisruptionBudget pdb : budgets) {
            IntOrString minAvailable = pdb.getSpec().getMinAvailable();
            int floor = hpa.map(h -> Objects.requireNonNullElse(h.getSpec().getMinReplicas(), 1)).orElse(1);
            if (minAvailable != null && minAvailable.getIntVal() != null && minAvailable.getIntVal() >= floor) {
                violations.add(name + ": PodDisruptionBudget minAvailable " + minAvailable.getIntVal()
                        + " would block every node drain at " + floor + " replicas");
            }
            if (minAvailable == null && pdb.getSpec().getMaxUnavailable() == null) {
                violations.add(name + ": PodDisruptionBudget sets neither minAvailable nor maxUnavailable");
            }
        }
    }

    /**
     * NetworkPolicies add up: together those selecting the pods must isolate both directions, admit the
     * API port from selected peers only, the management port from Prometheus only, nothing else, and DNS.
     */
    private void networkPolicy(String name, Deployment deployment, List<String> violations) {
        Map<String, String> labels = podLabels(deployment);
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        List<NetworkPolicy> policies = set.networkPolicies().stream()
                .filter(policy -> ManifestSet.selects(policy.getSpec().getPodSelector(), labels))
                .toList();
        if (policies.isEmpty()) {
            violations.add(name + " has no NetworkPolicy");
            return;
        }
        List<String> types = policies.stream().flatMap(p -> orEmpty(p.getSpec().getPolicyTypes()).stream()).distinct().toList();
        if (!types.containsAll(List.of("Ingress", "Egress"))) {
            violations.add("the NetworkPolicies of " + name + " do not restrict both Ingress and Egress (policyTypes " + types + ")");
        }
        for (NetworkPolicy policy : policies) {
            String where = "NetworkPolicy " + policy.getMetadata().getName();
            for (var rule : orEmpty(policy.getSpec().getIngress())) {
                if (orEmpty(rule.getFrom()).isEmpty()) {
                    violations.add(where + " admits ingress from anywhere");
                }
                List<NetworkPolicyPort> ports = orEmpty(rule.getPorts());
                List<String> named = ports.stream().map(p -> port(container, p.getPort()).map(ContainerPort::getName).orElse("?")).toList();
                if (ports.isEmpty() || !named.stream().allMatch(n -> HTTP.equals(n) || MANAGEMENT.equals(n))) {
                    violations.add(where + " admits ingress on other ports than http and management");
                }
                if (named.contains(MANAGEMENT) && !orEmpty(rule.getFrom()).stream().allMatch(WorkloadPolicies::isPrometheus)) {
                    violations.add(where + " admits the management port from others than Prometheus");
                }
            }
            for (var rule : orEmpty(policy.getSpec().getEgress())) {
                if (orEmpty(rule.getTo()).isEmpty()) {
                    violations.add(where + " admits egress to anywhere");
                }
                orEmpty(rule.getTo()).stream().filter(peer -> peer.getIpBlock() != null)
                        .map(peer -> peer.getIpBlock().getCidr())
                        .filter(cidr -> cidr.endsWith("/0"))
                        .forEach(cidr -> violations.add(where + " admits egress to " + cidr + ", the whole internet"));
            }
        }
        boolean dns = policies.stream().flatMap(p -> orEmpty(p.getSpec().getEgress()).stream())
                .flatMap(rule -> orEmpty(rule.getPorts()).stream())
                .anyMatch(p -> p.getPort() != null && Integer.valueOf(53).equals(p.getPort().getIntVal())
                        && "UDP".equals(p.getProtocol()));
        if (!dns) {
            violations.add("the NetworkPolicies of " + name + " do not allow DNS (UDP 53): no host name would resolve");
        }
        if (!scrapeAllowed(policies, container)) {
            violations.add("the NetworkPolicies of " + name + " do not let Prometheus reach the management port");
        }
        for (int port : List.of(443, 4317, 587)) {
            boolean allowed = policies.stream().flatMap(p -> orEmpty(p.getSpec().getEgress()).stream())
                    .flatMap(rule -> orEmpty(rule.getPorts()).stream())
                    .anyMatch(p -> p.getPort() != null && Integer.valueOf(port).equals(p.getPort().getIntVal()));
            if (!allowed) {
                violations.add("the NetworkPolicies of " + name + " allow no egress on port " + port + " ("
                        + EGRESS_PURPOSE.get(port) + ")");
            }
        }
    }

    /** Egress every service needs besides Kafka, its database and DNS. */
    static final Map<Integer, String> EGRESS_PURPOSE = Map.of(443, "the identity provider's JWKS", 4317,
            "the OpenTelemetry collector", 587, "the SMTP relay");

    /** Prometheus pods (app.kubernetes.io/name=prometheus) in a namespace labelled for metrics access. */
    static boolean isPrometheus(io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer peer) {
        return peer.getNamespaceSelector() != null && peer.getPodSelector() != null
                && "true".equals(orEmpty(peer.getNamespaceSelector().getMatchLabels()).get("hrloop.io/metrics-access"))
                && "prometheus".equals(orEmpty(peer.getPodSelector().getMatchLabels()).get("app.kubernetes.io/name"));
    }

    private static boolean scrapeAllowed(List<NetworkPolicy> policies, Container container) {
        return policies.stream().flatMap(p -> orEmpty(p.getSpec().getIngress()).stream())
                .anyMatch(rule -> orEmpty(rule.getFrom()).stream().anyMatch(WorkloadPolicies::isPrometheus)
                        && orEmpty(rule.getPorts()).stream().anyMatch(p -> port(container, p.getPort())
                                .map(cp -> MANAGEMENT.equals(cp.getName())).orElse(false)));
    }

    static Map<String, String> podLabels(Deployment deployment) {
        return orEmpty(deployment.getSpec().getTemplate().getMetadata().getLabels());
    }

    /** The container port a probe, Service or NetworkPolicy names (by name or number). */
    static Optional<ContainerPort> port(Container container, IntOrString ref) {
        if (ref == null) {
            return Optional.empty();
        }
        return orEmpty(container.getPorts()).stream()
                .filter(p -> ref.getStrVal() != null ? ref.getStrVal().equals(p.getName())
                        : Objects.equals(ref.getIntVal(), p.getContainerPort()))
                .findFirst();
    }

    static Optional<Volume> volume(PodSpec pod, String name) {
        return orEmpty(pod.getVolumes()).stream().filter(v -> v.getName().equals(name)).findFirst();
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    @SafeVarargs
    static <T> T firstNonNull(T... values) {
        for (T value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }
}
