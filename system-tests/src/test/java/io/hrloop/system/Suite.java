package io.hrloop.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.hrloop.infra.FreePorts;
import io.hrloop.infra.Postgres;
import io.hrloop.infra.ServiceProcess;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.infra.TokenIssuer;
import io.hrloop.testsupport.Topics;

/**
 * The three packaged services, started once per test JVM as separate processes against the real
 * broker, database and mail server of {@link TestInfrastructure}, and stopped when the JVM exits. Fault tests kill and
 * restart them; {@link #extra} starts another replica of a service.
 */
final class Suite {

    private static Suite shared;
    private static final AtomicInteger LOGS = new AtomicInteger();
    /** Receives the services' traces (OTLP over HTTP). */
    static final OtlpCollector TRACES = new OtlpCollector();

    volatile ServiceProcess request;
    volatile ServiceProcess feedback;
    volatile ServiceProcess improvement;
    private final List<ServiceProcess> extras = new ArrayList<>();

    private Suite(ServiceProcess request, ServiceProcess feedback, ServiceProcess improvement) {
        this.request = request;
        this.feedback = feedback;
        this.improvement = improvement;
    }

    /**
     * Prints each service's resident memory now and at its highest (VmRSS, VmHWM). These JVMs run the tests' flags
     * ({@link ServiceProcess#QUICK_START_JVM}); bench/run measures the production flags under load.
     */
    void printMemory(String when) {
        for (ServiceProcess service : List.of(request, feedback, improvement)) {
            Map<String, String> status = new HashMap<>();
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(service.pid()), "status"))) {
                    String[] field = line.split(":\\s+", 2);
                    if (field.length == 2) {
                        status.put(field[0], field[1]);
                    }
                }
            } catch (IOException e) {
                System.out.printf("[hrloop-system] %s: no /proc status (%s)%n", service.name(), e.getMessage());
                continue;
            }
            System.out.printf("[hrloop-system] %s %s: RSS %s, peak %s (JVM flags %s)%n", service.name(), when,
                    status.getOrDefault("VmRSS", "?"), status.getOrDefault("VmHWM", "?"),
                    String.join(" ", ServiceProcess.QUICK_START_JVM));
        }
    }

    static synchronized Suite get() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "suite-stop"));
        }
        return shared;
    }

    private static Suite start() {
        Topics.ensure("hr.requests", "hr.feedback", "hr.improvements", "hr.people", "hr.dlq.request-service",
                "hr.dlq.feedback-service", "hr.dlq.improvement-service");
        List<ServiceProcess> started = new ArrayList<>();
        for (String name : List.of("request", "feedback", "improvement")) {
            started.add(launch(name, FreePorts.next()));
        }
        started.forEach(process -> process.awaitReady(Duration.ofMinutes(3)));
        System.out.printf("[hrloop-system] request-service pid %d, feedback-service pid %d, improvement-service pid %d ready%n",
                started.get(0).pid(), started.get(1).pid(), started.get(2).pid());
        return new Suite(started.get(0), started.get(1), started.get(2));
    }

    private static ServiceProcess launch(String name, int port) {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.postgres().ensureDatabase(name);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(name));
        config.put("quarkus.datasource.username", Postgres.USER);
        config.put("quarkus.datasource.password", Postgres.PASSWORD);
        config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", infra.tokens().publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", TokenIssuer.ISSUER);
        config.put("mp.jwt.verify.audiences", TokenIssuer.AUDIENCE);
        config.put("hrloop.outbox.relay.sweep-interval", "1s");
        config.put("hrloop.consumer.max-backoff", "5s");
        config.put("quarkus.otel.sdk.disabled", "false");
        config.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
        config.put("quarkus.otel.exporter.otlp.traces.endpoint", TRACES.endpoint());
        config.put("quarkus.otel.bsp.schedule.delay", "200ms");
        // Load and fault tests write far faster than a person: the per-person abuse limits are lifted, as in the local
        // stack with HRLOOP_LIMITS_PROFILE=load (the per-client limit on survey tokens stays).
        config.put("hrloop.limits.profile", "load");
        // Mail goes to the real SMTP server of this JVM; a failed attempt is retried within seconds, not minutes.
        config.put("quarkus.mailer.host", infra.mail().host());
        config.put("quarkus.mailer.port", Integer.toString(infra.mail().smtpPort()));
        config.put("hrloop.mail.relay.sweep-interval", "500ms");
        config.put("hrloop.mail.relay.backoff", "1s");
        config.put("hrloop.mail.relay.max-backoff", "3s");
        if (name.equals("feedback")) {
            config.put("hrloop.feedback.public-url", "http://localhost:" + port); // the answer page's link in mail
            // Anonymous feedback is held until its release batch (hourly in production): released every few seconds
            // here, so that the system tests see it come into sight (MarkerLeakSystemTest).
            config.put("hrloop.feedback.anonymous-release-every", "3s");
        }
        String module = name + "-service";
        Path root = Path.of(System.getProperty("hrloop.root", "..")).toAbsolutePath().normalize();
        return ServiceProcess.start(module, ServiceProcess.application(root, module), port, FreePorts.next(),
                ServiceProcess.QUICK_START_JVM, config,
                infra.directory().resolve("logs").resolve(module + "-" + LOGS.incrementAndGet() + ".log"));
    }

    /** Starts the service again on its port after it was killed or stopped, and waits until it is ready. */
    synchronized ServiceProcess restart(ServiceProcess process) {
        String name = process.name().replace("-service", "");
        process.stop();
        ServiceProcess started = launch(name, process.port()).awaitReady(Duration.ofMinutes(3));
        switch (name) {
            case "request" -> request = started;
            case "feedback" -> feedback = started;
            default -> improvement = started;
        }
        return started;
    }

    /** Another replica of a service: its own port, the same database and consumer group. */
    synchronized ServiceProcess extra(String name) {
        ServiceProcess started = launch(name, FreePorts.next()).awaitReady(Duration.ofMinutes(3));
        extras.add(started);
        return started;
    }

    /** A JDBC connection to one service's own database, for asserting on the rows it keeps. */
    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl(name), Postgres.USER,
                Postgres.PASSWORD);
    }

    private void stop() {
        List<ServiceProcess> all = new ArrayList<>(extras);
        all.addAll(List.of(request, feedback, improvement));
        all.parallelStream().forEach(ServiceProcess::stop);
        TRACES.close();
    }
}
