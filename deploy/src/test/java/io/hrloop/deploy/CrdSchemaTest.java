package io.hrloop.deploy;

import static io.hrloop.deploy.CoreModelTest.distinctSources;
import static io.hrloop.deploy.CoreModelTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Custom resources (Strimzi, CloudNativePG and its Barman Cloud plugin, Prometheus Operator, Grafana
 * Operator, Gateway API, cert-manager) match the openAPIV3Schema of the operators' CRDs.
 */
class CrdSchemaTest {

    private static final CrdSchemas SCHEMAS = CrdSchemas.load();

    @Test
    void everyCustomResourceOfTheBaseAndTheExamplesMatchesItsCrd() {
        List<Manifest> resources = Repo.kustomizations().stream()
                .map(Kustomize::load)
                .flatMap(tree -> tree.resources().stream())
                .filter(SCHEMAS::knows)
                .filter(distinctSources())
                .toList();
        List<String> problems = new ArrayList<>();
        resources.forEach(resource -> problems.addAll(SCHEMAS.validate(resource)));

        assertEquals(List.of(), problems);
        assertEquals(List.of("Certificate", "Cluster", "Gateway", "GrafanaDashboard", "HTTPRoute", "Kafka", "KafkaNodePool",
                "KafkaTopic", "KafkaUser", "ObjectStore", "PodMonitor", "PrometheusRule", "ScheduledBackup"),
                resources.stream().map(Manifest::kind).distinct().sorted().toList());
    }

    @Test
    void everyCustomResourcePatchOfTheOverlaysMatchesItsCrdWithoutRequiredFields() {
        List<Manifest> patches = Repo.kustomizations().stream()
                .map(Kustomize::load)
                .flatMap(tree -> tree.patches().stream())
                .filter(SCHEMAS::knows)
                .filter(distinctSources())
                .toList();
        List<String> problems = new ArrayList<>();
        patches.forEach(patch -> problems.addAll(SCHEMAS.validatePatch(patch)));

        assertEquals(List.of(), problems);
        assertEquals(List.of("Certificate", "Cluster", "Gateway", "HTTPRoute", "KafkaTopic", "ObjectStore"),
                patches.stream().map(Manifest::kind).distinct().sorted().toList());
    }

    @Test
    void aMisspelledFieldOfAMonitoringOrTrafficResourceIsRejected() {
        Manifest monitor = Yaml.read("""
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata:
                  name: m
                spec:
                  selector:
                    matchLabels: {app: x}
                  podMetricEndpoints:
                    - port: management
                """, "inline").getFirst();
        Manifest route = Yaml.read("""
                apiVersion: gateway.networking.k8s.io/v1
                kind: HTTPRoute
                metadata:
                  name: r
                spec:
                  rules:
                    - matches:
                        - path: {type: Prefix, value: /api}
                """, "inline").getFirst();

        assertTrue(SCHEMAS.validate(monitor).toString().contains("podMetricEndpoints"), SCHEMAS.validate(monitor).toString());
        assertTrue(SCHEMAS.validate(route).toString().contains("Prefix"), SCHEMAS.validate(route).toString());
    }

    @Test
    void aMisspelledFieldOfACustomResourceIsRejected() {
        List<String> problems = SCHEMAS.validate(fixture("misspelled-custom-resource.yaml"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("partitons"), problems.getFirst());
    }

    @Test
    void aMisspelledFieldIsRejectedInAPatchToo() {
        List<String> problems = SCHEMAS.validatePatch(fixture("misspelled-custom-resource.yaml"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("partitons"), problems.getFirst());
    }

    @Test
    void aValueOutsideTheEnumIsRejected() {
        List<String> problems = SCHEMAS.validate(fixture("wrong-enum-custom-resource.yaml"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("method"), problems.getFirst());
    }

    @Test
    void aMissingRequiredFieldAndANestedTypoAreBothReported() {
        List<String> problems = SCHEMAS.validate(fixture("missing-required-custom-resource.yaml"));

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("instances")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("sise")), problems.toString());
    }

    @Test
    void theMetadataOfACustomResourceIsCheckedAgainstObjectMeta() {
        List<String> problems = SCHEMAS.validate(fixture("misspelled-metadata.yaml"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("label"), problems.getFirst());
    }

    @Test
    void onlyTheServedOperatorKindsHaveASchema() {
        // Kafka, KafkaNodePool, KafkaTopic, KafkaUser (Strimzi v1); Cluster, ScheduledBackup (CloudNativePG v1);
        // ObjectStore (Barman Cloud v1); PodMonitor, PrometheusRule (monitoring.coreos.com v1); GrafanaDashboard
        // (v1beta1); Certificate (cert-manager v1); Gateway and HTTPRoute (gateway.networking.k8s.io v1 and v1beta1).
        assertEquals(15, SCHEMAS.size());
        assertFalse(SCHEMAS.knows(Yaml.read("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\n", "old").getFirst()),
                "Strimzi 1.x serves only v1: an old apiVersion must not validate");
    }
}
