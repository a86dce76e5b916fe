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
 * What every Deployment of HR Loop must have: probes on the Quarkus health endpoints, resources, the
 * restricted security context, and its Service, HorizontalPodAutoscaler, PodDisruptionBudget and
 * NetworkPolicy. Each method returns human-readable violations; none means the policy holds.
 */
final class WorkloadPolicies {

    static final String HTTP = "http";

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
            scraping(name, deployment, violations);
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
        if (port(container, probe.getHttpGet().getPort()).isEmpty()) {
            violations.add(where + " " + kind + " probes port " + probe.getHttpGet().getPort().getValue()
                    + ", which the container does not declare");
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
        for (NetworkPolicy policy : policies) {
            String where = "NetworkPolicy " + policy.getMetadata().getName();
            List<String> types = orEmpty(policy.getSpec().getPolicyTypes());
            if (!types.containsAll(List.of("Ingress", "Egress"))) {
                violations.add(where + " does not restrict both Ingress and Egress (policyTypes " + types + ")");
            }
            for (var rule : orEmpty(policy.getSpec().getIngress())) {
                if (orEmpty(rule.getFrom()).isEmpty()) {
                    violations.add(where + " admits ingress from anywhere");
                }
                List<NetworkPolicyPort> ports = orEmpty(rule.getPorts());
                if (ports.isEmpty() || !ports.stream().allMatch(p -> port(container, p.getPort())
                        .map(cp -> HTTP.equals(cp.getName())).orElse(false))) {
                    violations.add(where + " admits ingress on other ports than http");
                }
            }
            for (var rule : orEmpty(policy.getSpec().getEgress())) {
                if (orEmpty(rule.getTo()).isEmpty()) {
                    violations.add(where + " admits egress to anywhere");
                }
            }
            boolean dns = orEmpty(policy.getSpec().getEgress()).stream()
                    .flatMap(rule -> orEmpty(rule.getPorts()).stream())
                    .anyMatch(p -> p.getPort() != null && Integer.valueOf(53).equals(p.getPort().getIntVal())
                            && "UDP".equals(p.getProtocol()));
            if (!dns) {
                violations.add(where + " does not allow DNS (UDP 53): no host name would resolve");
            }
        }
    }

    private static void scraping(String name, Deployment deployment, List<String> violations) {
        Map<String, String> annotations = orEmpty(deployment.getSpec().getTemplate().getMetadata().getAnnotations());
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Optional<ContainerPort> http = port(container, new IntOrString(HTTP));
        if (!"true".equals(annotations.get("prometheus.io/scrape"))) {
            violations.add(name + " is not annotated prometheus.io/scrape: \"true\"");
        }
        if (!"/q/metrics".equals(annotations.get("prometheus.io/path"))) {
            violations.add(name + " is not annotated prometheus.io/path: /q/metrics");
        }
        String port = http.map(p -> String.valueOf(p.getContainerPort())).orElse("(no http port)");
        if (!port.equals(annotations.get("prometheus.io/port"))) {
            violations.add(name + " prometheus.io/port is " + annotations.get("prometheus.io/port") + ", not the http port "
                    + port);
        }
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
