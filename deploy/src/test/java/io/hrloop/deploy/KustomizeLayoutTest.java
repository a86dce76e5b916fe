package io.hrloop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kustomize layout: every file is used, every kustomization is understood, every kind is checked. */
class KustomizeLayoutTest {

    private static final CrdSchemas SCHEMAS = CrdSchemas.load();

    @Test
    void everyYamlFileUnderK8sIsUsedByTheBaseOrTheOverlay() throws IOException {
        Set<Path> used = new HashSet<>(Kustomize.load(Repo.base()).files());
        used.addAll(Kustomize.load(Repo.production()).files());
        List<String> unused;
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            unused = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .map(Path::normalize)
                    .filter(f -> !used.contains(f))
                    .map(f -> Repo.k8s().relativize(f).toString())
                    .toList();
        }
        assertEquals(List.of(), unused, "files no kustomization includes would silently never be deployed");
    }

    @Test
    void theKustomizationsReferenceOnlyExistingFilesAndKnownFields() {
        List<String> problems = new ArrayList<>(Kustomize.load(Repo.base()).problems());
        problems.addAll(Kustomize.load(Repo.production()).problems());

        assertEquals(List.of(), problems);
    }

    @Test
    void everyDocumentIsOfAKindTheChecksValidate() {
        for (Path dir : List.of(Repo.base(), Repo.production())) {
            Kustomize.Tree tree = Kustomize.load(dir);
            List<String> unchecked = Stream.concat(tree.resources().stream(), tree.patches().stream())
                    .filter(m -> !CoreModel.knows(m) && !SCHEMAS.knows(m))
                    .map(Manifest::toString)
                    .toList();
            assertEquals(List.of(), unchecked, "no validator for these documents of " + dir);
        }
    }

    @Test
    void theProductionOverlayBuildsOnTheBase() {
        Kustomize.Tree production = Kustomize.load(Repo.production());

        assertTrue(production.files().contains(Repo.base().resolve(Kustomize.FILE).normalize()));
        assertTrue(production.patches().size() >= 4, "the overlay patches config, replicas, resources, partitions");
    }

    @Test
    void aSecretGeneratorOrAMissingFileIsReported(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(Kustomize.FILE), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - missing.yaml
                secretGenerator:
                  - name: db
                    literals:
                      - password=hunter2
                """);
        List<String> problems = Kustomize.load(dir).problems();

        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("field 'secretGenerator' is not one these checks understand"), problems.get(0));
        assertTrue(problems.get(1).contains("resource missing.yaml does not exist"), problems.get(1));
    }

    @Test
    void aRepeatedKeyIsAnError() {
        IllegalArgumentException error = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Yaml.read("kind: ConfigMap\nkind: Secret\n", "twice"));
        assertTrue(error.getMessage().contains("Duplicate field 'kind'"), error.getMessage());
    }
}
