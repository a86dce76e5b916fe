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
    record ServiceModule(String name, Properties properties) {

        static final String PROPERTIES = "src/main/resources/application.properties";

        static ServiceModule load(Path dir) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(dir.resolve(PROPERTIES))) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            String name = properties.getProperty("quarkus.application.name", dir.getFileName().toString());
            return new ServiceModule(name, properties);
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

        /** Connections one replica may open (Agroal's default is 20 as well). */
        int connectionPoolSize() {
            return Integer.parseInt(properties.getProperty("quarkus.datasource.jdbc.max-size", "20").trim());
        }
    }
}
