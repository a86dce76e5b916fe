package io.hrloop.system;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.hrloop.testsupport.FreePorts;
import io.hrloop.testsupport.Postgres;
import io.hrloop.testsupport.ServiceProcess;
import io.hrloop.testsupport.TestInfrastructure;
import io.hrloop.testsupport.TestTokens;
import io.hrloop.testsupport.Topics;

/**
 * The three packaged services, started once per test JVM as separate processes against the real
 * broker and database of {@link TestInfrastructure}, and stopped when the JVM exits.
 */
final class Suite {

    private static Suite shared;

    final ServiceProcess request;
    final ServiceProcess feedback;
    final ServiceProcess improvement;

    private Suite(ServiceProcess request, ServiceProcess feedback, ServiceProcess improvement) {
        this.request = request;
        this.feedback = feedback;
        this.improvement = improvement;
    }

    static synchronized Suite get() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "suite-stop"));
        }
        return shared;
    }

    private static Suite start() {
        TestInfrastructure infra = TestInfrastructure.get();
        Topics.ensure("hr.requests", "hr.feedback", "hr.improvements", "hr.people", "hr.dlq.request-service",
                "hr.dlq.feedback-service", "hr.dlq.improvement-service");
        Path root = Path.of(System.getProperty("hrloop.root", "..")).toAbsolutePath().normalize();
        List<ServiceProcess> started = new ArrayList<>();
        for (String name : List.of("request", "feedback", "improvement")) {
            infra.postgres().ensureDatabase(name);
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(name));
            config.put("quarkus.datasource.username", Postgres.USER);
            config.put("quarkus.datasource.password", Postgres.PASSWORD);
            config.put("kafka.bootstrap.servers", infra.kafka().bootstrapServers());
            config.put("mp.jwt.verify.publickey.location", infra.tokens().publicKeyFile().toUri().toString());
            config.put("mp.jwt.verify.issuer", TestTokens.ISSUER);
            config.put("mp.jwt.verify.audiences", TestTokens.AUDIENCE);
            config.put("hrloop.outbox.relay.sweep-interval", "1s");
            String module = name + "-service";
            started.add(ServiceProcess.start(module, ServiceProcess.application(root, module), FreePorts.next(), config,
                    infra.directory().resolve("logs").resolve(module + ".log")));
        }
        started.forEach(process -> process.awaitReady(Duration.ofMinutes(3)));
        System.out.printf("[hrloop-system] request-service pid %d, feedback-service pid %d, improvement-service pid %d ready%n",
                started.get(0).pid(), started.get(1).pid(), started.get(2).pid());
        return new Suite(started.get(0), started.get(1), started.get(2));
    }

    /** A JDBC connection to one service's own database, for asserting on the rows it keeps. */
    static Connection database(String name) throws SQLException {
        return DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl(name), Postgres.USER,
                Postgres.PASSWORD);
    }

    private void stop() {
        List.of(request, feedback, improvement).parallelStream().forEach(ServiceProcess::stop);
    }
}
