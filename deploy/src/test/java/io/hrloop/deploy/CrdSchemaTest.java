package io.hrloop.deploy;

import static io.hrloop.deploy.CoreModelTest.distinctSources;
import static io.hrloop.deploy.CoreModelTest.fixture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Strimzi and CloudNativePG resources match the openAPIV3Schema of the operators' CRDs. */
class CrdSchemaTest {

    private static final CrdSchemas SCHEMAS = CrdSchemas.load();

    @Test
    void everyCustomResourceOfTheBaseMatchesItsCrd() {
        List<Manifest> resources = Kustomize.load(Repo.base()).resources().stream()
                .filter(SCHEMAS::knows)
                .toList();
        List<String> problems = new ArrayList<>();
        resources.forEach(resource -> problems.addAll(SCHEMAS.validate(resource)));

        assertEquals(List.of(), problems);
        assertEquals(List.of("Cluster", "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "ScheduledBackup"),
                resources.stream().map(Manifest::kind).distinct().sorted().toList());
    }

    @Test
    void everyCustomResourcePatchOfTheOverlayMatchesItsCrdWithoutRequiredFields() {
        List<Manifest> patches = Stream.of(Repo.production())
                .map(Kustomize::load)
                .flatMap(tree -> tree.patches().stream())
                .filter(SCHEMAS::knows)
                .filter(distinctSources())
                .toList();
        List<String> problems = new ArrayList<>();
        patches.forEach(patch -> problems.addAll(SCHEMAS.validatePatch(patch)));

        assertEquals(List.of(), problems);
        assertFalse(patches.isEmpty(), "the overlay patches the topics' partitions");
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
        // Kafka, KafkaNodePool, KafkaTopic, KafkaUser (Strimzi v1); Cluster, ScheduledBackup (CloudNativePG v1).
        assertEquals(6, SCHEMAS.size());
        assertFalse(SCHEMAS.knows(Yaml.read("apiVersion: kafka.strimzi.io/v1beta2\nkind: KafkaTopic\n", "old").getFirst()),
                "Strimzi 1.x serves only v1: an old apiVersion must not validate");
    }
}
