package io.hrloop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.hrloop.infra.FreePorts;
import io.hrloop.infra.KafkaBroker;
import io.hrloop.infra.Postgres;
import io.hrloop.infra.TokenIssuer;

/**
 * The real Kafka broker and PostgreSQL server of one test JVM: started on first use, on free ports,
 * in a temporary directory, and stopped when the JVM exits. Every test class of a module shares them,
 * so a module's test run starts each server once.
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final Path directory;
    private final KafkaBroker kafka;
    private final Postgres postgres;
    private final TokenIssuer tokens;

    private TestInfrastructure(Path directory, KafkaBroker kafka, Postgres postgres, TokenIssuer tokens) {
        this.directory = directory;
        this.kafka = kafka;
        this.postgres = postgres;
        this.tokens = tokens;
    }

    public static synchronized TestInfrastructure get() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "test-infrastructure-stop"));
        }
        return shared;
    }

    private static TestInfrastructure start() {
        try {
            Path directory = Files.createTempDirectory("hrloop-test-");
            Instant began = Instant.now();
            // Start PostgreSQL while the broker JVM boots.
            KafkaBroker kafka = new KafkaBroker(directory.resolve("kafka"), FreePorts.next(), 3);
            Thread kafkaStarter = Thread.ofPlatform().start(kafka::start);
            Postgres postgres = Postgres.start(directory.resolve("postgres"), FreePorts.next(), true);
            kafkaStarter.join();
            if (!kafka.isRunning()) {
                throw new IllegalStateException("Kafka did not start; see " + directory.resolve("kafka/broker.log"));
            }
            System.out.printf("[hrloop-test] real Kafka %s (KRaft, own JVM pid %d) and PostgreSQL on port %d ready in %d ms%n",
                    kafka.bootstrapServers(), kafka.process().pid(), postgres.port(),
                    Duration.between(began, Instant.now()).toMillis());
            return new TestInfrastructure(directory, kafka, postgres, new TokenIssuer(directory.resolve("keys")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public Postgres postgres() {
        return postgres;
    }

    public TokenIssuer tokens() {
        return tokens;
    }

    public Path directory() {
        return directory;
    }

    private void stop() {
        try {
            kafka.stop();
        } finally {
            postgres.close();
            deleteQuietly(directory);
        }
    }

    private static void deleteQuietly(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
