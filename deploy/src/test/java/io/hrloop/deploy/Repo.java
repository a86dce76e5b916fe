package io.hrloop.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The repository around the manifests: the services' own configuration and the event contract are
 * the sources of truth the manifests are checked against, so that a new consumed topic or a larger
 * connection pool fails here instead of in the cluster.
 */
final class Repo {

    private Repo() {
    }

    static Path root() {
        Path module = Path.of(System.getProperty("basedir", "")).toAbsolutePath().normalize();
        return Files.isDirectory(module.resolve("k8s")) ? module.getParent() : module;
    }

    static Path k8s() {
        return root().resolve("deploy/k8s");
    }

    static Path base() {
        return k8s().resolve("base");
    }

    static Path production() {
        return k8s().resolve("overlays/production");
    }

    static Path staging() {
        return k8s().resolve("overlays/staging");
    }

    /** The environments: every directory under overlays/. */
    static List<Path> overlays() {
        return directories(k8s().resolve("overlays"));
    }

    /** Examples applied by hand (deploy/README.md says when): every directory under examples/<example>/. */
    static List<Path> examples() {
        return directories(k8s().resolve("examples")).stream().flatMap(example -> directories(example).stream()).toList();
    }

    /** Every kustomization a person applies or includes: the base, the overlays and the examples. */
    static List<Path> kustomizations() {
        List<Path> all = new java.util.ArrayList<>();
        all.add(base());
        all.addAll(overlays());
        all.addAll(examples());
        return all;
    }

    /** The restore procedure: the restored cluster (step one) and the component that switches to it (step two). */
    static Path restoreExample() {
        return k8s().resolve("examples/restore-request-db/restore");
    }

    static Path restoreSwitch() {
        return k8s().resolve("examples/restore-request-db/switch");
    }

    /** The list of metrics the alerts and the dashboard use (deploy/k8s/base/monitoring/metrics.txt). */
    static Path monitoredMetrics() {
        return base().resolve("monitoring/metrics.txt");
    }

    private static List<Path> directories(Path parent) {
        if (!Files.isDirectory(parent)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(parent)) {
            return dirs.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String readme() {
        return read(root().resolve("deploy/README.md"));
    }

    /** The deployable services: every *-service module with an application.properties. */
    static List<ServiceModule> services() {
        try (Stream<Path> dirs = Files.list(root())) {
            return dirs.filter(dir -> dir.getFileName().toString().endsWith("-service"))
                    .filter(dir -> Files.isRegularFile(dir.resolve(ServiceModule.PROPERTIES)))
                    .sorted()
                    .map(ServiceModule::load)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The topics of the event contract: every channel address of the AsyncAPI document. */
    static Set<String> eventTopics() {
        Path asyncapi = root().resolve("common/src/main/resources/contracts/asyncapi.yaml");
        JsonNode channels = Yaml.read(read(asyncapi), "asyncapi.yaml").getFirst().node().path("channels");
        Set<String> topics = new TreeSet<>();
        channels.forEach(channel -> topics.add(channel.path("address").asText()));
        return topics;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the manifests need to know about one service module. */
    record ServiceModule(String name, Properties properties, Path dir) {

        static final String PROPERTIES = "src/main/resources/application.properties";

        static ServiceModule load(Path dir) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve(PROPERTIES))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = properties.getProperty("quarkus.application.name", dir.getFileName().toString());
            return new ServiceModule(name, properties, dir);
        }

        /** hrloop.consumer.topics: what the common EventConsumer subscribes to. */
        List<String> consumedTopics() {
            String topics = properties.getProperty("hrloop.consumer.topics", "").trim();
            return topics.isEmpty() ? List.of()
                    : Arrays.stream(topics.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
        }

        String consumerGroup() {
            return properties.getProperty("hrloop.consumer.group", name);
        }

        String deadLetterTopic() {
            return properties.getProperty("hrloop.consumer.dead-letter-topic", "hr.dlq." + name);
        }

        /** The main Java sources (for the JAX-RS paths the Gateway routes). */
        List<Path> javaSources() {
            try (Stream<Path> files = Files.walk(dir.resolve("src/main/java"))) {
                return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Connections one replica may open (Agroal's default is 20 as well). */
        int connectionPoolSize() {
            return Integer.parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size", "20").trim());
        }
    }
}
