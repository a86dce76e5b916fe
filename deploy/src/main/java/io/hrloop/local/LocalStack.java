package io.hrloop.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.infra.KafkaBroker;
import io.hrloop.infra.MailServer;
import io.hrloop.infra.Postgres;
import io.hrloop.infra.ServiceProcess;
import io.hrloop.infra.TokenIssuer;

/**
 * The embedded local stack: a real PostgreSQL (one database per service), a real Kafka broker
 * (KRaft, own JVM) and a real mail server (GreenMail, own JVM: SMTP 3025, IMAP 3143), all from Maven-resolved
 * artifacts, then the three services from their packaged jars, delivering their mail to that server. Loads the demo catalogue, writes demo tokens, and stops everything on Ctrl-C or SIGTERM.
 * Run it through {@code deploy/local/up}.
 *
 * <p>Just over 300 lines on purpose: it is the launcher's script (start in order, wait, load the demo data, print
 * the banner, stop in reverse order on a signal); each step is a call into embedded-infra, and the sequence reads
 * best in one place.
 */
public final class LocalStack {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> TOPICS = List.of("hr.requests", "hr.feedback", "hr.improvements", "hr.people",
            "hr.dlq.request-service", "hr.dlq.feedback-service", "hr.dlq.improvement-service");

    record Service(String name, String database, int port) {
    }

    private static final List<Service> SERVICES = List.of(
            new Service("request-service", "request", 8081),
            new Service("feedback-service", "feedback", 8082),
            new Service("improvement-service", "improvement", 8083));

    private final Path root;
    private final Path state;
    private final int kafkaPort;
    private final int postgresPort;
    private final int smtpPort;
    private final int imapPort;
    private final boolean infraOnly;
    private final boolean quickStart;
    private final List<ServiceProcess> running = new ArrayList<>();
    private Postgres postgres;
    private KafkaBroker kafka;
    private MailServer mail;

    /** @param infraOnly only PostgreSQL, Kafka and the key pair: for services run elsewhere (containers) */
    LocalStack(Path root, Path state, int kafkaPort, int postgresPort, int smtpPort, int imapPort, boolean infraOnly,
            boolean quickStart) {
        this.smtpPort = smtpPort;
        this.imapPort = imapPort;
        this.quickStart = quickStart;
        this.root = root;
        this.state = state;
        this.kafkaPort = kafkaPort;
        this.postgresPort = postgresPort;
        this.infraOnly = infraOnly;
    }

    public static void main(String[] args) throws Exception {
        boolean fresh = List.of(args).contains("--fresh");
        boolean infraOnly = List.of(args).contains("--infra-only");
        Path root = Path.of(System.getProperty("hrloop.root", ".")).toAbsolutePath().normalize();
        int kafkaPort = Integer.parseInt(env("HRLOOP_LOCAL_KAFKA_PORT", "9092"));
        int postgresPort = Integer.parseInt(env("HRLOOP_LOCAL_POSTGRES_PORT", "5432"));
        int smtpPort = Integer.parseInt(env("HRLOOP_LOCAL_SMTP_PORT", "3025"));
        int imapPort = Integer.parseInt(env("HRLOOP_LOCAL_IMAP_PORT", "3143"));
        // Another state directory lets a second stack (deploy/images/build's smoke test) run beside the usual one.
        Path state = root.resolve(env("HRLOOP_LOCAL_STATE", ".local-stack"));
        boolean quickStart = List.of(args).contains("--quick-start");
        LocalStack stack = new LocalStack(root, state, kafkaPort, postgresPort, smtpPort, imapPort, infraOnly,
                quickStart);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stack.stop();
            stopped.countDown();
        }, "local-stack-stop"));
        try {
            stack.start(fresh);
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("The local stack could not start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    void start(boolean fresh) throws IOException {
        Instant began = Instant.now();
        if (fresh && Files.exists(state)) {
            step("Removing the previous state (--fresh)");
            deleteTree(state);
        }
        Files.createDirectories(state.resolve("logs"));
        for (Service service : infraOnly ? List.<Service>of() : SERVICES) {
            ServiceProcess.application(root, service.name()); // fail early when a jar is missing
            requireFree(service.port(), service.name());
            requireFree(service.port() + 1000, service.name() + "'s management interface");
        }
        requireFree(kafkaPort, "Kafka (set HRLOOP_LOCAL_KAFKA_PORT)");
        requireFree(kafkaPort + 1, "the Kafka controller (set HRLOOP_LOCAL_KAFKA_PORT)");
        requireFree(postgresPort, "PostgreSQL (set HRLOOP_LOCAL_POSTGRES_PORT)");
        requireFree(smtpPort, "the mail server's SMTP (set HRLOOP_LOCAL_SMTP_PORT)");
        requireFree(imapPort, "the mail server's IMAP (set HRLOOP_LOCAL_IMAP_PORT)");

        step("Starting PostgreSQL on port " + postgresPort + " (data in .local-stack/postgres)");
        postgres = Postgres.start(state.resolve("postgres"), postgresPort, false);
        SERVICES.forEach(service -> postgres.ensureDatabase(service.database()));
        done();

        step("Starting Kafka (KRaft) on port " + kafkaPort + " (data in .local-stack/kafka)");
        kafka = new KafkaBroker(state.resolve("kafka"), kafkaPort, kafkaPort + 1, 3).start();
        kafka.ensureTopics(3, TOPICS.toArray(String[]::new));
        done();

        step("Starting the mail server (GreenMail) on SMTP " + smtpPort + " and IMAP " + imapPort
                + " (mailboxes in memory: a restart empties them)");
        mail = new MailServer(state.resolve("mail"), smtpPort, imapPort).start();
        done();

        step("Generating a signing key pair for this run (the private key stays in memory)");
        TokenIssuer tokens = new TokenIssuer(state.resolve("keys"));
        done();
        if (infraOnly) {
            writeTokens(tokens);
            System.out.println();
            System.out.printf("HR Loop's infrastructure is up in %d s: Kafka localhost:%d, PostgreSQL localhost:%d"
                    + " (databases request, feedback, improvement; user postgres), mail server SMTP localhost:%d"
                    + " and IMAP localhost:%d, public key %s, tokens %s.%n",
                    Duration.between(began, Instant.now()).toSeconds(), kafkaPort, postgresPort, smtpPort, imapPort,
                    root.relativize(tokens.publicKeyFile()), root.relativize(state.resolve("tokens.json")));
            System.out.println("Press Ctrl-C to stop it.");
            return;
        }

        for (Service service : SERVICES) {
            Path jar = ServiceProcess.application(root, service.name());
            List<String> cache = StartupCache.flags(jar); // start from the classes the last run loaded
            step("Starting " + service.name() + " on port " + service.port() + StartupCache.note(cache));
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
            config.put("quarkus.datasource.username", Postgres.USER);
            config.put("quarkus.datasource.password", Postgres.PASSWORD);
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("mp.jwt.verify.publickey.location", tokens.publicKeyFile().toUri().toString());
            config.put("mp.jwt.verify.issuer", TokenIssuer.ISSUER);
            config.put("mp.jwt.verify.audiences", TokenIssuer.AUDIENCE);
            // A portal served from any localhost port may call the APIs from a browser.
            config.put("quarkus.http.cors.enabled", "true");
            config.put("quarkus.http.cors.origins", "/http://localhost(:[0-9]+)?/");
            // Mail goes to the local mail server; the survey mail links to feedback-service's answer page here.
            config.put("quarkus.mailer.host", mail.host());
            config.put("quarkus.mailer.port", Integer.toString(smtpPort));
            if (service.name().equals("feedback-service")) {
                config.put("hrloop.feedback.public-url", "http://localhost:" + service.port());
            }
            String limits = System.getenv("HRLOOP_LIMITS_PROFILE");
            if (limits != null && !limits.isBlank()) {
                config.put("hrloop.limits.profile", limits);
            }
            List<String> jvm = new ArrayList<>(quickStart ? ServiceProcess.QUICK_START_JVM : ServiceProcess.PRODUCTION_JVM);
            jvm.addAll(cache);
            running.add(ServiceProcess.start(service.name(), jar, service.port(), service.port() + 1000, jvm, config,
                    state.resolve("logs").resolve(service.name() + ".log")));
            done();
        }
        for (ServiceProcess process : running) {
            step("Waiting for " + process.name() + " to be ready");
            process.awaitReady(Duration.ofMinutes(3));
            done();
        }

        Map<String, String> personas = writeTokens(tokens);
        step("Loading the demo catalogue and calendar");
        new DemoCatalogue(running.getFirst().baseUrl(), personas.get("hr-admin")).load();
        done();

        System.out.println();
        System.out.printf("HR Loop is up in %d s.%n", Duration.between(began, Instant.now()).toSeconds());
        System.out.println();
        for (ServiceProcess process : running) {
            System.out.printf("  %-20s %s   Swagger UI %s/q/swagger-ui   health and metrics %s/q/health, /q/metrics"
                    + "   log .local-stack/logs/%s.log%n", process.name(), process.baseUrl(), process.baseUrl(),
                    process.managementUrl(), process.name());
        }
        System.out.printf("  %-20s localhost:%d%n", "Kafka", kafkaPort);
        System.out.printf("  %-20s localhost:%d (databases request, feedback, improvement; user postgres)%n",
                "PostgreSQL", postgresPort);
        System.out.printf("  %-20s %s%n", "Tokens", root.relativize(state.resolve("tokens.json")));
        System.out.printf("  %-20s SMTP localhost:%d, IMAP localhost:%d (GreenMail; log .local-stack/mail/mail-server.log)%n",
                "Mail server", smtpPort, imapPort);
        System.out.println();
        System.out.printf("Read a persona's mail with any IMAP client: server localhost, port %d, no TLS, user and password"
                + " both <persona>@hrloop.local (e.g. employee@hrloop.local).%n  From a shell, the first mail:"
                + " curl -s 'imap://localhost:%d/INBOX/;UID=1' -u employee@hrloop.local:employee@hrloop.local%n",
                imapPort, imapPort);
        System.out.println();
        System.out.println("Try: curl -H \"Authorization: Bearer $(sed -n 's/.*\"employee\": \"\\([^\"]*\\)\".*/\\1/p' "
                + ".local-stack/tokens.json)\" http://localhost:8081/api/v1/requests");
        System.out.println("Press Ctrl-C to stop everything.");
    }

    private Map<String, String> writeTokens(TokenIssuer tokens) throws IOException {
        Duration lifetime = Duration.ofHours(24);
        Map<String, String> personas = new LinkedHashMap<>();
        persona(personas, tokens, lifetime, "employee", "emp-1001", null, "employee");
        persona(personas, tokens, lifetime, "employee2", "emp-1002", null, "employee");
        persona(personas, tokens, lifetime, "manager", "mgr-3001", null, "manager", "employee");
        persona(personas, tokens, lifetime, "hr-agent", "agent-2001", "payroll", "hr-agent");
        persona(personas, tokens, lifetime, "hr-lead", "lead-2101", "payroll", "hr-lead", "hr-agent");
        persona(personas, tokens, lifetime, "hr-admin", "admin-0001", null, "hr-admin");
        persona(personas, tokens, lifetime, "er-specialist", "er-4001", "employee-relations", "er-specialist");
        persona(personas, tokens, lifetime, "service", "svc-hris", null, "service");
        persona(personas, tokens, lifetime, "operator", "ops-5001", null, "operator");
        // One persona a line, "name": "token", so that shell one-liners can pick a token out.
        String json = personas.entrySet().stream()
                .map(persona -> "  \"" + persona.getKey() + "\": \"" + persona.getValue() + "\"")
                .collect(java.util.stream.Collectors.joining(",\n", "{\n", "\n}\n"));
        MAPPER.readTree(json); // stays valid JSON
        Files.writeString(state.resolve("tokens.json"), json);
        return personas;
    }

    /** A demo persona's token: its address is {@code <persona>@hrloop.local}, its mailbox on the local mail server. */
    private static void persona(Map<String, String> personas, TokenIssuer tokens, Duration lifetime, String persona,
            String personId, String team, String... roles) {
        personas.put(persona, tokens.issue(personId, team, persona + "@hrloop.local", lifetime, roles));
    }

    synchronized void stop() {
        System.out.println();
        // A service recording its startup cache writes it as it exits, and its stop waits longer for that
        // (ServiceProcess.CACHE_WRITE_GRACE).
        System.out.println(running.stream().noneMatch(ServiceProcess::writesCacheOnExit) ? "Stopping HR Loop..."
                : "Stopping HR Loop (the services write their startup caches first, which can take a minute)...");
        List<Thread> stopping = running.stream().map(process -> Thread.ofPlatform().start(process::stop)).toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        running.clear();
        if (kafka != null) {
            kafka.stop();
            kafka = null;
        }
        if (mail != null) {
            mail.stop();
            mail = null;
        }
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
        System.out.println("Stopped. State is kept in " + root.relativize(state) + " (start with --fresh to begin empty).");
    }

    private static void requireFree(int port, String what) {
        try (ServerSocket socket = new ServerSocket(port)) {
            socket.setReuseAddress(true);
        } catch (IOException e) {
            throw new IllegalStateException("port " + port + " for " + what + " is already in use");
        }
    }

    private static void step(String message) {
        System.out.print("• " + message + " ... ");
        System.out.flush();
    }

    private static void done() {
        System.out.println("done");
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
