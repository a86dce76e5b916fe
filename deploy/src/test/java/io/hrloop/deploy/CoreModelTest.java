package io.hrloop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every core-kind document under deploy/k8s matches the typed Kubernetes model, with no unknown field. */
class CoreModelTest {

    @Test
    void everyCoreDocumentOfTheBaseTheOverlaysAndTheExamplesMatchesTheTypedModel() {
        List<Manifest> documents = Repo.kustomizations().stream()
                .map(Kustomize::load)
                .flatMap(tree -> Stream.concat(tree.resources().stream(), tree.patches().stream()))
                .filter(CoreModel::knows)
                .filter(distinctSources())
                .toList();
        List<String> problems = new ArrayList<>();
        documents.forEach(document -> problems.addAll(CoreModel.validate(document)));

        assertEquals(List.of(), problems);
        // 3 services x (ServiceAccount, ConfigMap, Deployment, Service, HPA, PDB, 2 NetworkPolicies) + more
        assertTrue(documents.size() >= 24, "core documents found: " + documents.size());
    }

    @Test
    void aMisspelledFieldIsRejectedWithItsPath() {
        List<String> problems = CoreModel.validate(fixture("misspelled-field.yaml"));

        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().contains("spec.template.spec.containers[0].securityContext"), problems.getFirst());
        assertTrue(problems.getFirst().contains("readOnlyRootFileSystem"), problems.getFirst());
    }

    @Test
    void aNumberWhereKubernetesWantsAStringIsRejected() {
        List<String> problems = CoreModel.validate(fixture("number-for-string.yaml"));

        assertFalse(problems.isEmpty(), "an unquoted annotation value must be refused");
        assertTrue(problems.getFirst().contains("annotations"), problems.getFirst());
    }

    @Test
    void aStringWhereKubernetesWantsANumberIsRejected() {
        List<String> problems = CoreModel.validate(fixture("string-for-number.yaml"));

        assertFalse(problems.isEmpty(), "a quoted port must be refused");
        assertTrue(problems.getFirst().contains("spec.ports[0].port"), problems.getFirst());
    }

    @Test
    void aKindWithoutAModelIsReportedRatherThanSkipped() {
        Manifest unknown = Yaml.read("apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n", "inline").getFirst();

        assertFalse(CoreModel.knows(unknown));
        assertEquals(List.of("inline#1: no typed model for v1 Pod"), CoreModel.validate(unknown));
    }

    /** The production overlay includes the base: check each file's documents once. */
    static Predicate<Manifest> distinctSources() {
        Set<String> seen = new HashSet<>();
        return manifest -> seen.add(manifest.source());
    }

    static Manifest fixture(String name) {
        try (InputStream in = CoreModelTest.class.getResourceAsStream("/fixtures/" + name)) {
            return Yaml.read(new String(in.readAllBytes(), StandardCharsets.UTF_8), name).getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
