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
    void everyYamlOrJsonFileUnderK8sIsUsedByTheBaseAnOverlayOrAnExample() throws IOException {
        Set<Path> used = new HashSet<>();
        Repo.kustomizations().forEach(dir -> used.addAll(Kustomize.load(dir).files()));
        List<String> unused;
        try (Stream<Path> files = Files.walk(Repo.k8s())) {
            unused = files.filter(f -> f.toString().matches(".*\\.(yaml|yml|json)$"))
                    .map(Path::normalize)
                    .filter(f -> !used.contains(f))
                    .map(f -> Repo.k8s().relativize(f).toString())
                    .toList();
        }
        assertEquals(List.of(), unused, "files no kustomization includes would silently never be deployed");
    }

    @Test
    void theKustomizationsReferenceOnlyExistingFilesAndKnownFields() {
        List<String> problems = new ArrayList<>();
        Repo.kustomizations().forEach(dir -> problems.addAll(Kustomize.load(dir).problems()));

        assertEquals(List.of(), problems);
        assertEquals(List.of("production", "staging"), Repo.overlays().stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void everyDocumentIsOfAKindTheChecksValidate() {
        for (Path dir : Repo.kustomizations()) {
            Kustomize.Tree tree = Kustomize.load(dir);
            List<String> unchecked = Stream.concat(tree.resources().stream(), tree.patches().stream())
                    .filter(m -> !CoreModel.knows(m) && !SCHEMAS.knows(m))
                    .map(Manifest::toString)
                    .toList();
            assertEquals(List.of(), unchecked, "no validator for these documents of " + dir);
        }
    }

    @Test
    void everyOverlayBuildsOnTheBaseAndSetsItsOwnEnvironment() {
        for (Path overlay : Repo.overlays()) {
            Kustomize.Tree tree = Kustomize.load(overlay);
            Set<String> patched = new HashSet<>();
            tree.patches().forEach(p -> patched.add(p.kind() + " " + p.name()));

            assertTrue(tree.files().contains(Repo.base().resolve(Kustomize.FILE).normalize()), overlay.toString());
            assertTrue(patched.containsAll(List.of("ConfigMap hrloop-platform", "Gateway hrloop", "HTTPRoute hrloop-api",
                    "Certificate hrloop-api", "NetworkPolicy hrloop-egress-identity-provider", "ObjectStore request-db-backups")),
                    overlay + " sets identity provider, host name, certificate issuer, egress and backup bucket: " + patched);
        }
    }

    @Test
    void theDashboardIsGeneratedIntoAConfigMapForTheGrafanaSidecar() {
        Manifest map = Kustomize.load(Repo.base()).resources().stream()
                .filter(m -> m.is("ConfigMap") && m.name().equals("hrloop-grafana-dashboards")).findFirst().orElseThrow();

        assertEquals("1", map.node().path("metadata").path("labels").path("grafana_dashboard").asText());
        assertTrue(map.node().path("data").path("hrloop-loop-health.json").asText().contains("\"uid\": \"hrloop-loop-health\""));
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
