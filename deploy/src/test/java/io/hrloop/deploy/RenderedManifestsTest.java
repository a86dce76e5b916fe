package io.hrloop.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code kubectl kustomize} actually produces for the base and the production overlay: it renders,
 * every document is valid, and every policy holds on the output too (patches included). Skipped, with a
 * message, where kubectl is not installed: the source manifests are checked by the other tests anyway.
 */
class RenderedManifestsTest {

    private static final CrdSchemas SCHEMAS = CrdSchemas.load();
    private static Optional<Path> kubectl;

    @BeforeAll
    static void findKubectl() {
        kubectl = Kustomize.kubectl();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/production"})
    void rendersValidDocumentsThatSatisfyEveryPolicy(String dir) {
        List<Manifest> rendered = render(dir);
        List<String> problems = new ArrayList<>();
        for (Manifest document : rendered) {
            problems.addAll(CoreModel.knows(document) ? CoreModel.validate(document) : SCHEMAS.validate(document));
        }
        problems.addAll(Policies.check(rendered, true));

        assertEquals(List.of(), problems);
        assertEquals(List.of("hrloop"), rendered.stream().filter(m -> !m.is("Namespace"))
                .map(m -> m.node().path("metadata").path("namespace").asText()).distinct().toList());
    }

    @Test
    void productionRunsMoreReplicasOverMorePartitionsFromTheRegistry() {
        ManifestSet production = new ManifestSet(render("overlays/production"));

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
    }

    private static List<Manifest> render(String dir) {
        assumeTrue(kubectl.isPresent(),
                "kubectl is not on the PATH: skipping `kubectl kustomize " + dir + "`; the source manifests were still checked");
        return Kustomize.render(kubectl.get(), Repo.k8s().resolve(dir));
    }
}
