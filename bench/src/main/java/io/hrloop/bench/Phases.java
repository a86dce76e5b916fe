package io.hrloop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The measurements after intake, each adding its rows and details to the report. */
final class Phases {

    static final double INTAKE_TARGET = 1000;
    static final double INTAKE_P99 = 50;
    static final double LIST_P99 = 20;
    static final double INSIGHTS_P99 = 100;
    static final double READY_MS = 3000;
    static final double RSS_MIB = 300;

    private final Bench.Options o;
    private final Bench.Stack stack;
    private final Bench.Tokens tokens;
    private final Report report;
    private final Path work;
    private final IntakePhase intake;

    Phases(Bench.Options o, Bench.Stack stack, Bench.Tokens tokens, Report report, Path work) {
        this.o = o;
        this.stack = stack;
        this.tokens = tokens;
        this.report = report;
        this.work = work;
        this.intake = new IntakePhase(o, stack, tokens, report, work);
    }

    void seeded(String what) {
        report.section("Data the reads ran on", "Bulk-inserted by `bench/src/main/resources/io/hrloop/bench/seed-*.sql` "
                + "(skipped where a previous run left them):\n\n```\n" + what + "```");
    }

    void intake(int connections, boolean withLoop, boolean withJfr) throws Exception {
        intake.run(connections, withLoop, withJfr);
    }

    void intakeAtRate(int connections, double rate) throws Exception {
        intake.runAtRate(connections, rate);
    }

    /** The first closed-loop intake run (8 connections by default), or null before it. */
    Load.Result firstIntake() {
        return intake.first();
    }

    void postgresLimit(Seeder seeder) throws Exception {
        int connections = o.connections.getFirst();
        intake.awaitDrained(o.drainCap);
        PgLimit.Result pg = PgLimit.run(seeder, connections, o.idempotencyKeys, o.warmup, o.measure);
        report.info("1 intake", Report.f("PostgreSQL limit, same transaction, %d JDBC connections", connections),
                Report.f("%,.0f commits/s, p99 %s ms", pg.perSecond(), Report.ms(pg.latency().getValueAtPercentile(99) / 1e6)));
        Load.Result first = intake.first();
        if (first != null && pg.commits() > 0) {
            report.info("1 intake", Report.f("intake ÷ PostgreSQL limit (%d connections)", connections),
                    Report.f("%.2f (%.1f %%)", first.perSecond() / pg.perSecond(), 100 * first.perSecond() / pg.perSecond()));
        }
        report.section("PostgreSQL's limit", """
                %d JDBC connections against the stack's PostgreSQL (database `request`, fsync and synchronous commit on, as \
                the local stack runs it) commit what one submission writes, in copies of the tables in a scratch schema \
                (`bench_scratch`, dropped afterwards): read the request type, insert the request (its reference drawn \
                from a sequence by the column's default and returned), two audit rows and the outbox row (900-byte \
                payload)%s. The outbox relay's later claim, publish and delete are not included. Nothing else loads the \
                database meanwhile.""".formatted(connections,
                o.idempotencyKeys ? ", then record the idempotency key with the response" : ""));
    }

    void reads() {
        List<String> lines = new ArrayList<>();
        try (Http http = new Http(2)) {
            for (Reads.Read read : Reads.standard(tokens, stack.requests(), stack.feedback(), stack.improvements())) {
                Reads.Result r = Reads.measure(http, read, o.calls, o.readBudget);
                double target = read.kind().equals("list") ? LIST_P99 : INSIGHTS_P99;
                report.row("3 reads", read.label(), Report.f("p50 %s / p99 %s ms%s", Report.ms(r.millis(50)),
                        Report.ms(r.millis(99)), r.errors() > 0 ? Report.f(", %d errors", r.errors()) : ""),
                        Report.f("p99 ≤ %.0f ms", target), r.errors() == 0 && r.millis(99) <= target);
                lines.add(Report.f("| %s | `%s` | %d | %d | %s | %s |", read.label(), read.uri().replaceAll("from=.*", "from=…"),
                        r.calls(), r.items(), Report.ms(r.millis(99.9)), Report.ms(r.latency().getMaxValue() / 1e6)));
            }
        }
        report.section("Reads", """
                Each read %d times (or, where that takes longer than %d s, at least 20 times) in sequence after 10 \
                warm-up calls, as the persona that makes it (a page of 20 by \
                default); the team queue follows `next` for 4 pages, each page one call. The data: see above.

                | read | call | calls | items seen | p99.9 ms | max ms |
                |---|---|---|---|---|---|
                %s""".formatted(o.calls, o.readBudget.toSeconds(), String.join("\n", lines)));
    }

    void productionFlags() throws Exception {
        List<String> original = Procs.commandLine(stack.requestPid()).stream().filter(a -> a.startsWith("-X")).toList();
        List<String> flags = new ArrayList<>(original.stream().filter(a -> !o.prodDrop.contains(a)).toList());
        flags.addAll(o.prodAdd);
        Duration warmup = Duration.ofSeconds(Math.max(20, o.warmup.toSeconds()));
        int connections = o.connections.getFirst();
        Load.Result own = intake.plain(stack.requests(), stack.requestPid(), connections, warmup);
        report.info("1 intake", Report.f("%d connections, the stack's request-service (`%s`), paired run", connections,
                String.join(" ", original)), summary(own));
        try (Http http = new Http(2);
                ServiceCopy copy = ServiceCopy.start(http, stack.requestPid(), stack.requests() + 10, o.prodDrop, o.prodAdd,
                        work.resolve("request-service-prod-flags.log"))) {
            Load.Result r = intake.plain(copy.port, copy.pid(), connections, warmup);
            report.row("1 intake", Report.f("%d connections, request-service with `%s`, paired run", r.connections(),
                    String.join(" ", flags)), summary(r), "≥ 1000 req/s, p99 ≤ 50 ms, 0 errors",
                    r.perSecond() >= INTAKE_TARGET && r.millis(99) <= INTAKE_P99 && r.errors() == 0);
            report.info("4 services", "request-service start to ready with those flags", Report.f("%,.0f ms, RSS after "
                    + "the intake %.0f MiB", copy.readyMillis, Procs.rssMiB(copy.pid())));
            report.section("JVM flags", """
                    The local stack starts every service with `%s` (test-support's ServiceProcess). The paired runs, \
                    one right after the other with a warm-up of at least 20 s (C2 compiles later than C1): first the \
                    stack's request-service, then a second request-service JVM with the same command line and \
                    configuration but `%s` on port %d (the stack's own stayed up and idle).""".formatted(
                    String.join(" ", original), String.join(" ", flags), copy.port));
        }
    }

    static String summary(Load.Result r) {
        return Report.f("%,.0f req/s, p50 %s / p99 %s / p99.9 %s ms, %d errors (%s)", r.perSecond(),
                Report.ms(r.millis(50)), Report.ms(r.millis(99)), Report.ms(r.millis(99.9)), r.errors(), r.warmup());
    }

    void memory() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Long> service : stack.services().entrySet()) {
            double rss = Procs.rssMiB(service.getValue());
            report.row("4 services", service.getKey() + " RSS after the run", Report.f("%.0f MiB", rss), "≤ 300 MB",
                    rss * 1.048576 <= RSS_MIB);
            double peak = Procs.peakRssMiB(service.getValue());
            MemoryParts.of(service.getValue()).ifPresent(p -> parts.add(Report.f(
                    "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |", service.getKey(), peak, p.rss(), p.heap(),
                    p.archive(), p.metaspace(), p.code(), p.rest())));
        }
        if (!parts.isEmpty()) {
            report.section("Where each service's memory goes, after the run", """
                    Resident pages of each mapping (`/proc/<pid>/smaps`), told apart with `jcmd <pid> GC.heap_info` \
                    (the heap's address range; metaspace as committed, class space included). The class archive is the \
                    AOT cache (JDK 25) or dynamic CDS archive (21 to 24) the stack starts each service from: the \
                    classes' metadata, mapped instead of built in metaspace. The rest is threads' stacks, native \
                    libraries and malloc: in feedback-service and improvement-service mostly ONNX Runtime with the text \
                    model's weights (about 110 MiB in a plain JVM, text-analysis/docs/onnx-memory.md), then Netty's \
                    direct buffers and the JVM's own.

                    | service | peak RSS during the run (VmHWM, MiB) | RSS after it | Java heap | class archive | metaspace | JIT code | the rest |
                    |---|---|---|---|---|---|---|---|
                    %s""".formatted(String.join("\n", parts)));
        }
    }

    void ready() {
        intake.awaitDrained(o.drainCap.multipliedBy(3)); // the consumers' backlog would compete for the CPUs
        List<String> lines = new ArrayList<>();
        try (Http http = new Http(2)) {
            for (Map.Entry<String, Long> service : stack.services().entrySet()) {
                int port = (int) (Procs.commandLine(service.getValue()).stream()
                        .filter(a -> a.startsWith("-Dquarkus.http.port=")).map(a -> a.substring(20))
                        .mapToLong(Long::parseLong).findFirst().orElseThrow() + 100);
                try (ServiceCopy copy = ServiceCopy.start(http, service.getValue(), port, List.of(), List.of(),
                        work.resolve(service.getKey() + "-ready.log"))) {
                    report.row("4 services", service.getKey() + " process start to ready", Report.f("%,.0f ms",
                            copy.readyMillis), "≤ 3 s", copy.readyMillis <= READY_MS);
                    List<String> flags = Procs.commandLine(service.getValue());
                    String cache = flags.stream().anyMatch(f -> f.startsWith("-XX:AOTCache=")) ? "from the AOT cache the stack's earlier runs recorded"
                            : flags.stream().anyMatch(f -> f.startsWith("-XX:SharedArchiveFile=")) ? "with the stack's dynamic CDS archive"
                            : flags.stream().anyMatch(f -> f.startsWith("-XX:AOTCacheOutput=")) ? "without a startup cache (the stack is recording its first)"
                            : "without a startup cache";
                    lines.add(Report.f("%s: ready on the %s, %s, RSS at ready %.0f MiB", service.getKey(), copy.health,
                            cache, Procs.rssMiB(copy.pid())));
                }
            }
        }
        report.section("Start to ready", """
                A second JVM of each service, started with the stack's own command line (read from /proc) on its port + 100 \
                against the same database (migrated) and broker, timed from process start until `/q/health/ready` answers \
                200 (polled every 10 ms; the management port, HTTP port + 1000, is tried first), then stopped. The stack \
                starts each service from the classes its last run loaded (deploy/local: an AOT cache on JDK 25, a \
                dynamic CDS archive on 21 to 24; recorded at the first start, written when the service stops); the \
                images do not carry one yet.

                %s""".formatted(String.join("\n", lines.stream().map(l -> "- " + l).toList())));
    }
}
