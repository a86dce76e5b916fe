package io.hrloop.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Follows kustomization files the way kustomize does (resources, then patches), so that the offline
 * checks see exactly the files a build would use, and renders with {@code kubectl kustomize} when
 * kubectl is installed.
 */
final class Kustomize {

    static final String FILE = "kustomization.yaml";

    /** The fields these checks understand; anything else (a secretGenerator above all) is refused. */
    static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "resources", "namespace", "images",
            "patches", "labels", "commonAnnotations", "components", "configMapGenerator");

    private Kustomize() {
    }

    /** What one kustomization directory (and everything it includes) is made of. */
    record Tree(List<Manifest> kustomizations, List<Manifest> resources, List<Manifest> patches, Set<Path> files,
            List<String> problems) {

        Tree() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new LinkedHashSet<>(), new ArrayList<>());
        }
    }

    static Tree load(Path dir) {
        Tree tree = new Tree();
        visit(dir, tree);
        return tree;
    }

    private static void visit(Path dir, Tree tree) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            tree.problems().add(Repo.k8s().relativize(dir) + " is included as a directory but has no " + FILE);
            return;
        }
        tree.files().add(file.normalize());
        Manifest kustomization = Yaml.read(file, Repo.k8s()).getFirst();
        tree.kustomizations().add(kustomization);
        JsonNode node = kustomization.node();
        node.fieldNames().forEachRemaining(field -> {
            if (!KNOWN_FIELDS.contains(field)) {
                tree.problems().add(kustomization.source() + ": field '" + field + "' is not one these checks understand");
            }
        });
        for (JsonNode entry : node.path("resources")) {
            Path target = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(target)) {
                visit(target, tree);
            } else if (Files.isRegularFile(target)) {
                tree.files().add(target);
                tree.resources().addAll(Yaml.read(target, Repo.k8s()));
            } else {
                tree.problems().add(kustomization.source() + ": resource " + entry.asText() + " does not exist");
            }
        }
        for (JsonNode generator : node.path("configMapGenerator")) {
            generate(dir, kustomization, generator, tree);
        }
        for (JsonNode component : node.path("components")) {
            Path target = dir.resolve(component.asText()).normalize();
            if (Files.isDirectory(target)) {
                visit(target, tree);
            } else {
                tree.problems().add(kustomization.source() + ": component " + component.asText() + " does not exist");
            }
        }
        for (JsonNode patch : node.path("patches")) {
            if (patch.hasNonNull("path")) {
                Path target = dir.resolve(patch.path("path").asText()).normalize();
                if (Files.isRegularFile(target)) {
                    tree.files().add(target);
                    tree.patches().addAll(Yaml.read(target, Repo.k8s()));
                } else {
                    tree.problems().add(kustomization.source() + ": patch " + target + " does not exist");
                }
            } else if (patch.hasNonNull("patch")) {
                tree.patches().addAll(Yaml.read(patch.path("patch").asText(), kustomization.source() + " (inline patch)"));
            }
        }
    }

    /**
     * The ConfigMap a configMapGenerator makes from files ({@code files: [name]} or {@code [key=name]}), with
     * its labels and annotations, so that the checks see what kustomize will apply.
     */
    private static void generate(Path dir, Manifest kustomization, JsonNode generator, Tree tree) {
        ObjectNode map = Yaml.MAPPER.createObjectNode();
        map.put("apiVersion", "v1").put("kind", "ConfigMap");
        ObjectNode metadata = map.putObject("metadata");
        metadata.put("name", generator.path("name").asText());
        JsonNode options = generator.path("options");
        if (options.has("labels")) {
            metadata.set("labels", options.get("labels").deepCopy());
        }
        if (options.has("annotations")) {
            metadata.set("annotations", options.get("annotations").deepCopy());
        }
        ObjectNode data = map.putObject("data");
        for (JsonNode entry : generator.path("files")) {
            String[] keyAndFile = entry.asText().split("=", 2);
            String file = keyAndFile[keyAndFile.length - 1];
            Path target = dir.resolve(file).normalize();
            if (!Files.isRegularFile(target)) {
                tree.problems().add(kustomization.source() + ": configMapGenerator file " + file + " does not exist");
                continue;
            }
            tree.files().add(target);
            data.put(keyAndFile.length == 2 ? keyAndFile[0] : target.getFileName().toString(), Repo.read(target));
        }
        if (!options.path("disableNameSuffixHash").asBoolean(false)) {
            tree.problems().add(kustomization.source() + ": configMapGenerator " + generator.path("name").asText()
                    + " without disableNameSuffixHash: custom resources that name it would miss the hashed name");
        }
        tree.resources().add(new Manifest(kustomization.source() + " (configMapGenerator " + generator.path("name").asText() + ")", map));
    }

    /** {@code kubectl} if it is on the PATH. */
    static Optional<Path> kubectl() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, "kubectl");
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The documents {@code kubectl kustomize dir} prints; fails with kubectl's own message. */
    static List<Manifest> render(Path kubectl, Path dir) {
        try {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", dir.toString()).start();
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(process.getErrorStream()));
            String out = drain(process.getInputStream());
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 60 s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException("kubectl kustomize " + dir + " failed: " + err.join());
            }
            return Yaml.read(out, "kubectl kustomize " + Repo.k8s().relativize(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String drain(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
