package io.hrloop.deploy;

import static io.hrloop.deploy.Edit.at;
import static io.hrloop.deploy.Edit.container;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The base satisfies every policy, and each Deployment-level policy fails when the manifest breaks it
 * (one deliberate mistake per test, on a copy of the base).
 */
class WorkloadPolicyTest {

    private static final String FEEDBACK = "feedback-service";

    @Test
    void theBaseSatisfiesEveryPolicy() {
        assertEquals(List.of(), Policies.check(Kustomize.load(Repo.base()).resources(), false));
    }

    @Test
    void aDeploymentWithoutReadinessProbeIsRefused() {
        assertViolation("container feedback-service has no HTTP readinessProbe",
                Edit.base().change("Deployment", FEEDBACK, d -> container(d).remove("readinessProbe")));
    }

    @Test
    void aLivenessProbeOffTheQuarkusHealthPathIsRefused() {
        assertViolation("livenessProbe probes /health, not /q/health/live",
                Edit.base().change("Deployment", FEEDBACK, d -> at(container(d), "livenessProbe.httpGet").put("path", "/health")));
    }

    @Test
    void aProbeOnAnUndeclaredPortIsRefused() {
        assertViolation("startupProbe probes port 9100, which the container does not declare",
                Edit.base().change("Deployment", FEEDBACK, d -> at(container(d), "startupProbe.httpGet").put("port", 9100)));
    }

    @Test
    void aProbeOnTheApiPortIsRefused() {
        assertViolation("readinessProbe probes port http, not the management port",
                Edit.base().change("Deployment", FEEDBACK, d -> at(container(d), "readinessProbe.httpGet").put("port", "http")));
    }

    @Test
    void aServiceThatExposesTheManagementPortIsRefused() {
        assertViolation("Service feedback-service exposes another port of Deployment feedback-service than http",
                Edit.base().change("Service", FEEDBACK, s -> at(s, "spec").withArray("ports").addObject()
                        .put("name", "management").put("port", 9000).put("targetPort", "management").put("protocol", "TCP")));
    }

    @Test
    void aContainerWithoutMemoryLimitIsRefused() {
        assertViolation("container feedback-service has no memory limit",
                Edit.base().change("Deployment", FEEDBACK, d -> at(container(d), "resources.limits").remove("memory")));
    }

    @Test
    void aWritableRootFilesystemIsRefused() {
        assertViolation("has a writable root filesystem",
                Edit.base().change("Deployment", FEEDBACK, d -> at(container(d), "securityContext").put("readOnlyRootFilesystem", false)));
    }

    @Test
    void privilegeEscalationAndKeptCapabilitiesAreRefused() {
        Edit edit = Edit.base().change("Deployment", FEEDBACK, d -> {
            at(container(d), "securityContext").remove("allowPrivilegeEscalation");
            at(container(d), "securityContext.capabilities").putArray("drop").add("NET_RAW");
        });
        assertViolation("allows privilege escalation", edit);
        assertViolation("does not drop ALL capabilities", edit);
    }

    @Test
    void rootAndAMissingSeccompProfileAreRefused() {
        Edit edit = Edit.base().change("Deployment", FEEDBACK, d -> {
            at(container(d), "securityContext").put("runAsNonRoot", false).remove("seccompProfile");
            at(d, "spec.template.spec.securityContext").remove("seccompProfile");
        });
        assertViolation("may run as root", edit);
        assertViolation("has seccomp profile null, not RuntimeDefault", edit);
    }

    @Test
    void aReadOnlyRootWithoutWritableTmpIsRefused() {
        assertViolation("has no emptyDir mounted at /tmp",
                Edit.base().change("Deployment", FEEDBACK, d -> container(d).withArray("volumeMounts").remove(0)));
    }

    @Test
    void aMountedServiceAccountTokenIsRefused() {
        Edit edit = Edit.base()
                .change("Deployment", FEEDBACK, d -> at(d, "spec.template.spec").put("automountServiceAccountToken", true))
                .change("ServiceAccount", FEEDBACK, sa -> sa.remove("automountServiceAccountToken"));
        assertViolation("mounts a service account token", edit);
        assertViolation("ServiceAccount feedback-service does not set automountServiceAccountToken: false", edit);
    }

    @Test
    void aDeploymentWithoutServiceHpaPdbOrNetworkPolicyIsRefused() {
        Edit edit = Edit.base().remove("Service", FEEDBACK).remove("HorizontalPodAutoscaler", FEEDBACK)
                .remove("PodDisruptionBudget", FEEDBACK).remove("NetworkPolicy", FEEDBACK);
        assertViolation("Deployment feedback-service has no Service selecting its pods", edit);
        assertViolation("Deployment feedback-service has no HorizontalPodAutoscaler", edit);
        assertViolation("Deployment feedback-service has no PodDisruptionBudget", edit);
        assertViolation("the NetworkPolicies of Deployment feedback-service do not restrict both Ingress and Egress", edit);
    }

    @Test
    void aServiceWhoseSelectorMissesThePodsDoesNotCount() {
        assertViolation("Deployment feedback-service has no Service selecting its pods",
                Edit.base().change("Service", FEEDBACK, s -> at(s, "spec.selector").put("app.kubernetes.io/name", "feedback")));
    }

    @Test
    void fixedReplicasNextToAnAutoscalerAndASingleMinimumAreRefused() {
        Edit edit = Edit.base()
                .change("Deployment", FEEDBACK, d -> at(d, "spec").put("replicas", 2))
                .change("HorizontalPodAutoscaler", FEEDBACK, h -> at(h, "spec").put("minReplicas", 1));
        assertViolation("sets replicas although its HorizontalPodAutoscaler owns the count", edit);
        assertViolation("minReplicas 1 leaves a single replica", edit);
    }

    @Test
    void aDisruptionBudgetThatBlocksEveryDrainIsRefused() {
        assertViolation("minAvailable 2 would block every node drain at 2 replicas",
                Edit.base().change("PodDisruptionBudget", FEEDBACK, p -> at(p, "spec").put("minAvailable", 2).remove("maxUnavailable")));
    }

    @Test
    void ingressFromAnywhereOrOnAnotherPortIsRefused() {
        Edit edit = Edit.base().change("NetworkPolicy", FEEDBACK, n -> {
            at(n, "spec.ingress[0]").remove("from");
            at(n, "spec.ingress[1].ports[0]").put("port", 5005);
        });
        assertViolation("NetworkPolicy feedback-service admits ingress from anywhere", edit);
        assertViolation("NetworkPolicy feedback-service admits ingress on other ports than http", edit);
    }

    @Test
    void aNetworkPolicyWithoutIngressIsolationOrDnsIsRefused() {
        Edit edit = Edit.base().change("NetworkPolicy", FEEDBACK, n -> {
            at(n, "spec").putArray("policyTypes").add("Egress");
            at(n, "spec").withArray("egress").remove(2);
        });
        assertViolation("do not restrict both Ingress and Egress (policyTypes [Egress])", edit);
        assertViolation("do not allow DNS (UDP 53)", edit);
    }

    @Test
    void theManagementPortOpenToTheGatewayOrClosedToPrometheusIsRefused() {
        Edit edit = Edit.base().change("NetworkPolicy", FEEDBACK, n -> at(n, "spec.ingress[0].ports[0]").put("port", "management"));
        assertViolation("NetworkPolicy feedback-service admits the management port from others than Prometheus", edit);
        assertViolation("the NetworkPolicies of Deployment feedback-service do not let Prometheus reach the management port",
                Edit.base().change("NetworkPolicy", FEEDBACK, n -> at(n, "spec.ingress[1].ports[0]").put("port", "http")));
    }

    @Test
    void egressToTheWholeInternetOrNoWayToTheIdentityProviderIsRefused() {
        assertViolation("NetworkPolicy hrloop-egress-identity-provider admits egress to 0.0.0.0/0, the whole internet",
                Edit.base().change("NetworkPolicy", "hrloop-egress-identity-provider",
                        n -> at(n, "spec.egress[0].to[0].ipBlock").put("cidr", "0.0.0.0/0")));
        assertViolation("the NetworkPolicies of Deployment request-service allow no egress on port 443 (the identity provider's JWKS)",
                Edit.base().remove("NetworkPolicy", "hrloop-egress-identity-provider"));
    }

    static void assertViolation(String expected, Edit edit) {
        List<String> violations = edit.violations();
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing \"" + expected + "\" but got " + violations);
    }
}
