package io.hrloop.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HR Loop benchmark, run by {@code bench/run} against a running local stack: each consumer group
 * draining a backlog on the idle stack, intake with the loop and consumer lag under it, PostgreSQL's limit for the same writes, reads at a million rows,
 * JVM flags, and each service's start-to-ready time and RSS. Prints one table and writes it to
 * bench/RESULTS.md.
 */
public final class Bench {

    /** The demo personas' bearer tokens from .local-stack/tokens.json. */
    record Tokens(Map<String, String> byPersona) {
        String get(String persona) {
            String token = byPersona.get(persona);
            if (token == null) {
                throw new IllegalStateException("no token for " + persona + " in .local-stack/tokens.json");
            }
            return token;
        }

        /** The {@code sub} claim of a persona's token. */
        String subject(String persona) {
            String payload = get(persona).split("\\.")[1];
            try {
                return Http.JSON.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asText();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Options of bench/run (see its --help). */
    static final class Options {
        Path root = Path.of(".");
        Duration warmup = Duration.ofSeconds(10);
        Duration measure = Duration.ofSeconds(30);
        List<Integer> connections = List.of(8, 32);
        Duration loopInterval = Duration.ofMillis(200);
        double loopRateShare = 0.5;
        double loopRate;
        Duration drainCap = Duration.ofSeconds(120);
        int drainEvents = 50_000;
        int drainFeedback = 30_000;
        int drainWarmup = 10_000;
        int rows = 1_000_000;
        int items = 10_000;
        int calls = 200;
        Duration readBudget = Duration.ofSeconds(30);
        boolean idempotencyKeys = true;
        boolean jfr = true;
        List<String> prodDrop = List.of("-XX:TieredStopAtLevel=1");
        List<String> prodAdd = List.of();
        List<String> phases = List.of("client", "seed", "reads", "drain", "intake", "pg", "prod", "ready");
        String command = "bench/run";

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--root" -> o.root = Path.of(value);
                    case "--warmup" -> o.warmup = Duration.ofSeconds(Long.parseLong(value));
                    case "--duration" -> o.measure = Duration.ofSeconds(Long.parseLong(value));
                    case "--connections" -> o.connections = List.of(value.split(",")).stream().map(Integer::parseInt).toList();
                    case "--loop-interval" -> o.loopInterval = Duration.ofMillis(Long.parseLong(value));
                    case "--loop-rate-share" -> o.loopRateShare = Double.parseDouble(value);
                    case "--loop-rate" -> o.loopRate = Double.parseDouble(value);
                    case "--drain" -> o.drainCap = Duration.ofSeconds(Long.parseLong(value));
                    case "--drain-events" -> o.drainEvents = Integer.parseInt(value);
                    case "--drain-feedback" -> o.drainFeedback = Integer.parseInt(value);
                    case "--drain-warmup" -> o.drainWarmup = Integer.parseInt(value);
                    case "--rows" -> o.rows = Integer.parseInt(value);
                    case "--items" -> o.items = Integer.parseInt(value);
                    case "--calls" -> o.calls = Integer.parseInt(value);
                    case "--read-budget" -> o.readBudget = Duration.ofSeconds(Long.parseLong(value));
                    case "--phases" -> o.phases = List.of(value.split(","));
                    case "--prod-drop" -> o.prodDrop = value.isBlank() ? List.of() : List.of(value.split(" "));
                    case "--prod-add" -> o.prodAdd = value.isBlank() ? List.of() : List.of(value.split(" "));
                    case "--command" -> o.command = value;
                    case "--no-idempotency-key" -> {
                        o.idempotencyKeys = false;
                        i--;
                    }
                    case "--no-jfr" -> {
                        o.jfr = false;
                        i--;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + " (see bench/run --help)");
                }
                i++;
            }
            o.root = o.root.toAbsolutePath().normalize();
            return o;
        }
    }

    /** The stack's ports and processes. */
    record Stack(Path root, int requests, int feedback, int improvements, int kafka, int postgres, long requestPid,
            long feedbackPid, long improvementPid) {

        static Stack find(Path root) {
            int kafka = Integer.parseInt(env("HRLOOP_LOCAL_KAFKA_PORT", "9092"));
            int postgres = Integer.parseInt(env("HRLOOP_LOCAL_POSTGRES_PORT", "5432"));
            return new Stack(root, 8081, 8082, 8083, kafka, postgres, pid(root, "request-service", 8081),
                    pid(root, "feedback-service", 8082), pid(root, "improvement-service", 8083));
        }

        private static long pid(Path root, String module, int port) {
            return Procs.service(root, module, port).orElseThrow(() -> new IllegalStateException(module
                    + " of " + root + " is not running on port " + port + ": start the stack (bench/run without --reuse)"));
        }

        Map<String, Long> services() {
            Map<String, Long> pids = new LinkedHashMap<>();
            pids.put("request-service", requestPid);
            pids.put("feedback-service", feedbackPid);
            pids.put("improvement-service", improvementPid);
            return pids;
        }
    }

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        Stack stack = Stack.find(o.root);
        Tokens tokens = new Tokens(Http.JSON.convertValue(Http.JSON.readTree(
                o.root.resolve(".local-stack/tokens.json").toFile()), Http.JSON.getTypeFactory()
                .constructMapType(Map.class, String.class, String.class)));
        Report report = new Report(header(o));
        Path work = Files.createDirectories(o.root.resolve("bench/target/run"));
        Phases phases = new Phases(o, stack, tokens, report, work);
        Seeder seeder = new Seeder(stack.postgres());
        if (o.phases.contains("client")) {
            step("Load generator check: this client and wrk on the same endpoints");
            ClientCheck.run(o, stack, tokens, report, work);
        }
        if (o.phases.contains("seed")) {
            step("Seeding " + o.rows + " requests, " + o.rows + " feedback rows and " + o.items + " improvement items");
            phases.seeded(seeder.seed(o.rows, o.rows, o.items));
        }
        if (o.phases.contains("reads")) {
            step("Reads (before any load, so that people's own lists hold only the seeded history)");
            phases.reads();
        }
        if (o.phases.contains("drain")) {
            step("Consumers on an idle stack: a backlog of " + o.drainEvents + " hr.requests and " + o.drainFeedback
                    + " hr.feedback events");
            new Drain(o, stack, report).run();
        }
        if (o.phases.contains("intake")) {
            int first = o.connections.getFirst();
            int last = o.connections.getLast();
            step("Intake at " + first + " connections");
            phases.intake(first, false, false);
            step("Intake at " + first + " connections with the loop");
            phases.intake(first, true, false);
            if (o.loopRate > 0 || o.loopRateShare > 0 && phases.firstIntake() != null) {
                double rate = o.loopRate > 0 ? o.loopRate : o.loopRateShare * phases.firstIntake().perSecond();
                step(Report.f("Intake at a fixed %,.0f req/s with the loop", rate));
                phases.intakeAtRate(first, rate);
            }
            for (int connections : o.connections.subList(1, o.connections.size())) {
                boolean jfr = o.jfr && connections == last;
                step("Intake at " + connections + " connections" + (jfr ? " with a JFR profile of request-service" : ""));
                phases.intake(connections, false, jfr);
            }
        }
        if (o.phases.contains("pg")) {
            step("PostgreSQL's limit for the same transaction");
            phases.postgresLimit(seeder);
        }
        if (o.phases.contains("prod")) {
            step("Intake on a request-service copy with production JVM flags");
            phases.productionFlags();
        }
        phases.memory();
        if (o.phases.contains("ready")) {
            step("Start to ready of each service");
            phases.ready();
        }
        String markdown = report.markdown();
        System.out.println();
        System.out.println(markdown);
        Path results = o.root.resolve("bench/RESULTS.md");
        report.write(results);
        System.out.println("Written to " + o.root.relativize(results));
    }

    static void step(String message) {
        System.out.printf("• %s [%tT]%n", message, System.currentTimeMillis());
    }

    private static String header(Options o) throws Exception {
        String model = Procs.firstLine(Path.of("/proc/cpuinfo"), "model name");
        String memory = Procs.firstLine(Path.of("/proc/meminfo"), "MemTotal");
        double gib = Long.parseLong(memory.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
        return "# HR Loop benchmark results\n\n"
                + "Regenerated by every run of `bench/run` (see the README, section Benchmarks).\n\n"
                + "- **Command:** `" + o.command + "`\n"
                + "- **Date:** " + ZonedDateTime.now(ZoneOffset.UTC).withNano(0) + "\n"
                + "- **Commit:** " + git(o.root) + "\n"
                + "- **Machine:** " + Runtime.getRuntime().availableProcessors() + " CPUs (" + model + "), "
                + Report.f("%.1f GiB RAM", gib) + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", JDK " + System.getProperty("java.version") + "\n"
                + "- **Load:** closed loop, warm-up of at least " + o.warmup.toSeconds() + " s that goes on in "
                + Load.STEADY_WINDOW.toSeconds() + " s windows until two in a row have not raised the best rate by 2 % and the "
                + "JIT compiler threads of the request-service JVM under load used under "
                + Report.f("%.0f", Load.JIT_SETTLED * 100) + " % of a core in each (at most "
                + Load.MAX_WARMUP.toSeconds() + " s; each row says how long), then " + o.measure.toSeconds()
                + " s measured; a fixed-rate load warms up for " + o.warmup.toSeconds() + " s; latency from sending to the last byte of the answer (HdrHistogram); the whole stack, "
                + "the load generator and PostgreSQL share the machine\n";
    }

    private static String git(Path root) throws Exception {
        Process p = new ProcessBuilder("git", "-C", root.toString(), "describe", "--always", "--dirty", "--abbrev=10")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        return p.waitFor() == 0 ? "`" + out + "`" : "unknown";
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
