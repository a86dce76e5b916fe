package io.hrloop.deploy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/** The documents of one build (the base, or a rendered overlay), indexed for the policy checks. */
record ManifestSet(List<Manifest> all) {

    List<Manifest> ofKind(String kind) {
        return all.stream().filter(m -> m.is(kind)).toList();
    }

    Optional<Manifest> find(String kind, String name) {
        return all.stream().filter(m -> m.is(kind) && m.name().equals(name)).findFirst();
    }

    <T extends HasMetadata> List<T> typed(String kind, Class<T> type) {
        return ofKind(kind).stream().map(m -> CoreModel.as(m, type)).toList();
    }

    List<Deployment> deployments() {
        return typed("Deployment", Deployment.class);
    }

    List<Service> services() {
        return typed("Service", Service.class);
    }

    List<HorizontalPodAutoscaler> autoscalers() {
        return typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
    }

    List<PodDisruptionBudget> disruptionBudgets() {
        return typed("PodDisruptionBudget", PodDisruptionBudget.class);
    }

    List<NetworkPolicy> networkPolicies() {
        return typed("NetworkPolicy", NetworkPolicy.class);
    }

    Optional<ConfigMap> configMap(String name) {
        return find("ConfigMap", name).map(m -> CoreModel.as(m, ConfigMap.class));
    }

    Optional<ServiceAccount> serviceAccount(String name) {
        return find("ServiceAccount", name).map(m -> CoreModel.as(m, ServiceAccount.class));
    }

    Optional<HorizontalPodAutoscaler> autoscalerOf(String deployment) {
        return autoscalers().stream()
                .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                        && deployment.equals(h.getSpec().getScaleTargetRef().getName()))
                .findFirst();
    }

    /** Whether a NetworkPolicy selecting the pods lets them reach same-namespace pods with these labels on a port. */
    boolean egressAllowed(Map<String, String> from, Map<String, String> to, int port) {
        for (NetworkPolicy policy : networkPolicies()) {
            if (!ManifestSet.selects(policy.getSpec().getPodSelector(), from)) {
                continue;
            }
            for (NetworkPolicyEgressRule rule : WorkloadPolicies.orEmpty(policy.getSpec().getEgress())) {
                boolean peer = WorkloadPolicies.orEmpty(rule.getTo()).stream()
                        .anyMatch(p -> p.getNamespaceSelector() == null && p.getIpBlock() == null
                                && ManifestSet.selects(p.getPodSelector(), to));
                boolean onPort = WorkloadPolicies.orEmpty(rule.getPorts()).stream()
                        .anyMatch(p -> p.getPort() != null && Integer.valueOf(port).equals(p.getPort().getIntVal()));
                if (peer && onPort) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether pods with labels {@code from} may open connections to pods with labels {@code to} on a port. */
    boolean ingressAllowed(Map<String, String> to, Map<String, String> from, int port) {
        List<NetworkPolicy> isolating = networkPolicies().stream()
                .filter(p -> ManifestSet.selects(p.getSpec().getPodSelector(), to))
                .filter(p -> WorkloadPolicies.orEmpty(p.getSpec().getPolicyTypes()).contains("Ingress"))
                .toList();
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream()
                .flatMap(p -> WorkloadPolicies.orEmpty(p.getSpec().getIngress()).stream())
                .anyMatch(rule -> WorkloadPolicies.orEmpty(rule.getFrom()).stream()
                        .anyMatch(peer -> peer.getNamespaceSelector() == null && peer.getIpBlock() == null
                                && ManifestSet.selects(peer.getPodSelector(), from))
                        && (WorkloadPolicies.orEmpty(rule.getPorts()).isEmpty()
                                || rule.getPorts().stream().anyMatch(p -> p.getPort() != null
                                        && Integer.valueOf(port).equals(p.getPort().getIntVal()))));
    }

    /** matchLabels only: the manifests use no matchExpressions, and a selector with them never matches here. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty())) {
            return false;
        }
        return selects(selector.getMatchLabels(), labels);
    }

    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
