package io.hrloop.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.hrloop.infra.FreePorts;
import io.hrloop.infra.KafkaBroker;
import io.hrloop.infra.MailServer;
import io.hrloop.infra.Postgres;
import io.hrloop.infra.TokenIssuer;

/**
 * The real Kafka broker, PostgreSQL server and mail server (SMTP and IMAP) of one test JVM: started on first
 * use, on free ports, in a temporary directory, and stopped when the JVM exits. Every test class of a module
 * shares them, so a module's test run starts each server once.
 */
public final class TestInfrastructure {

    private static TestInfrastructure shared;

    private final Path directory;
    private final KafkaBroker kafka;
    private final Postgres postgres;
    private final MailServer mail;
    private final TokenIssuer tokens;

    private TestInfrastructure(Path directory, KafkaBroker kafka, Postgres postgres, MailServer mail,
            TokenIssuer tokens) {
        this.directory = directory;
        this.kafka = kafka;
        this.postgres = postgres;
        this.mail = mail;
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
            // Start PostgreSQL while the broker's JVM boots, then the mail server's (PostgreSQL waits only 10 s for
            // itself: on a busy machine a third JVM booting beside it can make it miss that).
            KafkaBroker kafka = new KafkaBroker(directory.resolve("kafka"), FreePorts.next(), 3);
            Thread kafkaStarter = Thread.ofPlatform().start(kafka::start);
            Postgres postgres = Postgres.start(directory.resolve("postgres"), FreePorts.next(), true);
            MailServer mail = new MailServer(directory.resolve("mail"), FreePorts.next(), FreePorts.next());
            Thread mailStarter = Thread.ofPlatform().start(mail::start);
            kafkaStarter.join();
            mailStarter.join();
            if (!kafka.isRunning()) {
                throw new IllegalStateException("Kafka did not start; see " + directory.resolve("kafka/broker.log"));
            }
            if (!mail.isRunning()) {
                throw new IllegalStateException("the mail server did not start; see " + mail.log());
            }
            System.out.printf("[hrloop-test] real Kafka %s (KRaft, own JVM pid %d), PostgreSQL on port %d and mail server"
                    + " (SMTP %d, IMAP %d, own JVM pid %d) ready in %d ms%n",
                    kafka.bootstrapServers(), kafka.process().pid(), postgres.port(), mail.smtpPort(), mail.imapPort(),
                    mail.process().pid(), Duration.between(began, Instant.now()).toMillis());
            return new TestInfrastructure(directory, kafka, postgres, mail, new TokenIssuer(directory.resolve("keys")));
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

    public MailServer mail() {
        return mail;
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
            mail.stop();
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
