package io.hrloop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code kubectl kustomize} actually produces for the base, each overlay and the restore procedure:
 * it renders, every document is valid (core kinds against the typed model, custom resources against their
 * CRD), and every policy holds on the output too (patches included). Skipped, with a message, where
 * kubectl is not installed: the source manifests are checked by the other tests anyway.
 */
class RenderedManifestsTest {

    private static final CrdSchemas SCHEMAS = CrdSchemas.load();
    private static Optional<Path> kubectl;

    @BeforeAll
    static void findKubectl() {
        kubectl = Kustomize.kubectl();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/staging", "overlays/production"})
    void rendersValidDocumentsThatSatisfyEveryPolicy(String dir) {
        assertValid(render(Repo.k8s().resolve(dir)));
    }

    @Test
    void productionRunsMoreReplicasOverMorePartitionsFromTheRegistry() {
        ManifestSet production = new ManifestSet(render(Repo.production()));

        assertEquals(List.of(3), production.autoscalers().stream().map(h -> h.getSpec().getMinReplicas()).distinct().toList());
        assertEquals(List.of(12), production.autoscalers().stream().map(h -> h.getSpec().getMaxReplicas()).distinct().toList());
        assertEquals("https://sso.example.com/realms/hr",
                production.configMap("hrloop-platform").orElseThrow().getData().get("HRLOOP_JWT_ISSUER"));
        assertEquals(List.of(12), Repo.eventTopics().stream()
                .map(topic -> production.find("KafkaTopic", topic).orElseThrow().spec().path("partitions").asInt())
                .distinct().toList());
        assertEquals(List.of("registry.example.com/hrloop/feedback-service:0.1.0",
                "registry.example.com/hrloop/improvement-service:0.1.0",
                "registry.example.com/hrloop/request-service:0.1.0"),
                production.deployments().stream().map(d -> d.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                        .sorted().toList());
        assertEquals(List.of("required"), production.ofKind("Cluster").stream()
                .map(c -> c.spec().path("affinity").path("podAntiAffinityType").asText()).distinct().toList());
    }

    @Test
    void eachEnvironmentHasItsOwnHostIssuerIdentityProviderAndBucket() {
        ManifestSet staging = new ManifestSet(render(Repo.staging()));
        ManifestSet production = new ManifestSet(render(Repo.production()));

        assertEquals(List.of("hr.staging.example.com", "letsencrypt-staging",
                "https://sso.example.com/realms/hr-staging/protocol/openid-connect/certs", "https://portal.staging.example.com",
                "s3://hrloop-backups-staging/request-db"), environment(staging));
        assertEquals(List.of("hr.example.com", "letsencrypt-production",
                "https://sso.example.com/realms/hr/protocol/openid-connect/certs", "https://portal.example.com",
                "s3://hrloop-backups-production/request-db"), environment(production));
    }

    @Test
    void theRestoredClusterNextToTheBaseSatisfiesEveryPolicy() {
        List<Manifest> documents = new ArrayList<>(render(Repo.base()));
        documents.addAll(render(Repo.restoreExample()));
        assertValid(documents);
    }

    /** Step two of a restore: an overlay with the switch component renders and request-service uses the restored cluster. */
    @Test
    void anOverlayWithTheSwitchComponentUsesTheRestoredCluster(@TempDir Path dir) throws IOException {
        String k8s = dir.relativize(Repo.k8s()).toString();
        Files.writeString(dir.resolve(Kustomize.FILE), """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - %s/overlays/production
                components:
                  - %s/examples/restore-request-db/switch
                """.formatted(k8s, k8s));
        List<Manifest> rendered = render(dir);
        assertValid(rendered);

        ManifestSet switched = new ManifestSet(rendered);
        assertEquals("jdbc:postgresql://request-db-restore-rw:5432/request?sslmode=verify-full&sslrootcert=/etc/hrloop/db-ca/ca.crt",
                switched.configMap("request-service-config").orElseThrow().getData().get("HRLOOP_DB_URL"));
    }

    private static void assertValid(List<Manifest> rendered) {
        List<String> problems = new ArrayList<>();
        for (Manifest document : rendered) {
            problems.addAll(CoreModel.knows(document) ? CoreModel.validate(document) : SCHEMAS.validate(document));
        }
        problems.addAll(Policies.check(rendered, true));

        assertEquals(List.of(), problems);
        assertEquals(List.of("hrloop"), rendered.stream().filter(m -> !m.is("Namespace"))
                .map(m -> m.node().path("metadata").path("namespace").asText()).distinct().toList());
    }

    private static List<String> environment(ManifestSet set) {
        return List.of(set.find("Gateway", "hrloop").orElseThrow().spec().path("listeners").get(0).path("hostname").asText(),
                set.find("Certificate", "hrloop-api").orElseThrow().spec().path("issuerRef").path("name").asText(),
                set.configMap("hrloop-platform").orElseThrow().getData().get("HRLOOP_JWT_PUBLIC_KEY"),
                set.configMap("hrloop-platform").orElseThrow().getData().get("QUARKUS_HTTP_CORS_ORIGINS"),
                set.find("ObjectStore", "request-db-backups").orElseThrow().spec().path("configuration").path("destinationPath").asText());
    }

    private static List<Manifest> render(Path dir) {
        assumeTrue(kubectl.isPresent(),
                "kubectl is not on the PATH: skipping `kubectl kustomize " + dir + "`; the source manifests were still checked");
        return Kustomize.render(kubectl.get(), dir);
    }
}
