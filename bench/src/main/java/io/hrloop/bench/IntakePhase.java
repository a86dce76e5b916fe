package io.hrloop.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Intake: POST /api/v1/requests at N connections, with CPU per process over the measured window,
 * consumer lag sampled every second and its drain afterwards, and on the first run the loop and a
 * JFR profile of request-service.
 */
final class IntakePhase {

    private final Bench.Options o;
    private final Bench.Stack stack;
    private final Bench.Tokens tokens;
    private final Report report;
    private final Path work;
    private Load.Result first;

    IntakePhase(Bench.Options o, Bench.Stack stack, Bench.Tokens tokens, Report report, Path work) {
        this.o = o;
        this.stack = stack;
        this.tokens = tokens;
        this.report = report;
        this.work = work;
    }

    Load.Result first() {
        return first;
    }

    /** Waits (at most the drain cap) until the consumers have caught up, so that a run starts from quiet. */
    void awaitDrained(Duration cap) {
        try (Lag lag = new Lag(stack.kafka())) {
            long end = System.nanoTime() + cap.toNanos();
            while (System.nanoTime() < end && !drained(List.of(lag.sample()))) {
                Http.sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Intake without extras, e.g. against another JVM ({@code pid}); starts once the consumers have caught up. */
    Load.Result plain(int port, long pid, int connections, Duration warmup) {
        awaitDrained(o.drainCap);
        return Load.run("intake", port, new Intake(tokens, o.idempotencyKeys), connections, warmup, o.measure, pid,
                new Load.Window() {
                    public void started() {
                    }

                    public void ended() {
                    }
                });
    }

    void run(int connections, boolean withLoop, boolean withJfr) throws Exception {
        run(connections, 0, withLoop, withJfr);
    }

    /**
     * Intake at a fixed {@code rate} (an open loop, over at most {@code connections} connections) with the loop:
     * how fast feedback becomes evidence while the machine is busy but not saturated.
     */
    void runAtRate(int connections, double rate) throws Exception {
        run(connections, rate, true, false);
    }

    private void run(int connections, double rate, boolean withLoop, boolean withJfr) throws Exception {
        awaitDrained(o.drainCap);
        Path jfr = work.resolve("request-service-intake-" + connections + ".jfr");
        Loop loop = withLoop ? new Loop(new Loop.Ports(stack.requests(), stack.feedback(), stack.improvements()), stack.kafka(),
                tokens.get("employee2"), tokens.get("hr-agent"), tokens.subject("hr-agent"), tokens.get("hr-lead")) : null;
        Thread[] filer = new Thread[1];
        @SuppressWarnings("unchecked")
        Map<String, Double>[] cpu = new Map[2];
        long[] window = new long[2];
        try (Lag lag = new Lag(stack.kafka())) {
            Lag.Sampler sampler = lag.start();
            Load.Window hooks = new Load.Window() {
                        public void started() {
                            window[0] = System.nanoTime();
                            cpu[0] = cpu();
                            if (withJfr) {
                                // jcmd takes a second or two: not on the load's clock
                                Thread.ofPlatform().start(() -> Profile.start(stack.requestPid(),
                                        (int) o.measure.toSeconds(), jfr));
                            }
                            if (loop != null) {
                                loop.measure(o.measure);
                            }
                        }

                        public void ended() {
                            window[1] = System.nanoTime();
                            cpu[1] = cpu();
                            if (loop != null) {
                                loop.loadEnded();
                            }
                        }
                    };
            Intake calls = new Intake(tokens, o.idempotencyKeys);
            if (loop != null) {
                filer[0] = loop.start(o.loopInterval); // warms up with intake, timed from its measured window on
            }
            Load.Result r;
            try {
                r = rate > 0
                        ? Load.runAtRate("intake", stack.requests(), calls, rate, connections, o.warmup, o.measure, hooks)
                        : Load.run("intake", stack.requests(), calls, connections, o.warmup, o.measure, stack.requestPid(), hooks);
            } catch (Exception | Error e) {
                if (loop != null) {
                    loop.cancel();
                }
                throw e;
            }
            if (first == null && rate == 0) {
                first = r;
            }
            long drainEnd = System.nanoTime() + o.drainCap.toNanos();
            // a sample taken after intake ended: one taken just before could show 0 while the relay still publishes
            while (System.nanoTime() < drainEnd && !(drained(sampler.samples) && sampler.samples.getLast().nanos() >= window[1])) {
                Http.sleep(Duration.ofSeconds(1));
            }
            List<Lag.Sample> samples = drainedAt(sampler.stop(), window[1]);
            boolean pass = r.perSecond() >= Phases.INTAKE_TARGET && r.millis(99) <= Phases.INTAKE_P99 && r.errors() == 0;
            boolean target = connections == 8 && rate == 0 && !withLoop && !withJfr;
            String load = rate > 0 ? Report.f("a fixed %,.0f req/s (at most %d connections)", rate, connections)
                    : Report.f("%d connections", connections);
            String what = load + (withLoop ? ", while the loop runs" : "") + (withJfr ? ", JFR recording" : "");
            report.row("1 intake", "POST /api/v1/requests, " + what,
                    Report.f("%,.0f req/s, p50 %s / p99 %s / p99.9 %s ms, %d errors%s (%s)", r.perSecond(),
                            Report.ms(r.millis(50)), Report.ms(r.millis(99)), Report.ms(r.millis(99.9)), r.errors(),
                            r.errorKinds().isEmpty() ? "" : " " + r.errorKinds(), r.warmup()),
                    target ? "≥ 1000 req/s, p99 ≤ 50 ms, 0 errors" : "", target ? pass : null);
            double seconds = (window[1] - window[0]) / 1e9;
            double rsCpu = cpu[1].get("request-service") - cpu[0].get("request-service");
            report.info("1 intake", "request-service CPU per request, " + what,
                    Report.f("%.2f ms", 1000 * rsCpu / Math.max(1, r.requests())));
            lagRows(what, samples, window);
            cpuSection(what, r, cpu, seconds);
            if (target) {
                limitSection(r, cpu, seconds);
            }
            if (loop != null) {
                Loop.Result l = loop.finish(filer[0], Duration.ofSeconds(60));
                loopRows(load, rate == 0, l);
            }
            if (withJfr) {
                awaitFile(jfr); // JFR writes the file when its duration ends
                profileSection(Profile.read(jfr, 15), rsCpu, r.requests(), jfr);
            }
        }
    }

    /** Waits (up to 2 minutes) until JFR has written the whole file: it exists and its size stopped growing. */
    private static void awaitFile(Path file) {
        long last = -1;
        for (int i = 0; i < 120; i++) {
            long size = -1;
            try {
                size = java.nio.file.Files.exists(file) ? java.nio.file.Files.size(file) : -1;
            } catch (java.io.IOException e) {
                // not there yet
            }
            if (size > 0 && size == last) {
                return;
            }
            last = size;
            Http.sleep(Duration.ofSeconds(1));
        }
    }

    private Map<String, Double> cpu() {
        Map<String, Double> cpu = new LinkedHashMap<>();
        stack.services().forEach((name, pid) -> cpu.put(name, Procs.cpuSeconds(pid)));
        List<Long> postgres = Procs.postgres(stack.root());
        cpu.put("PostgreSQL (all backends)", postgres.isEmpty() ? 0
                : Procs.treeCpuSeconds(postgres.getFirst(), postgres.subList(1, postgres.size())));
        cpu.put("Kafka broker", Procs.find(stack.root().resolve(".local-stack/kafka").toString()).map(Procs::cpuSeconds).orElse(0.0));
        cpu.put("bench (load generator, loop, lag)", Procs.cpuSeconds(ProcessHandle.current().pid()));
        cpu.put("whole machine", Procs.machineBusySeconds());
        return cpu;
    }

    /**
     * The samples up to the first one after intake ended in which every group had caught up: the sampler may add one
     * more while it stops, and the outbox relay's last events (published after intake ended) then showed as a
     * backlog that was never there when the drain was judged.
     */
    private static List<Lag.Sample> drainedAt(List<Lag.Sample> samples, long ended) {
        for (int i = 0; i < samples.size(); i++) {
            if (samples.get(i).nanos() >= ended && drained(samples.subList(0, i + 1))) {
                return samples.subList(0, i + 1);
            }
        }
        return samples;
    }

    private static boolean drained(List<Lag.Sample> samples) {
        return !samples.isEmpty() && samples.getLast().lag().values().stream().allMatch(v -> v == 0);
    }

    private void lagRows(String what, List<Lag.Sample> samples, long[] window) {
        for (String group : Lag.GROUPS.keySet()) {
            long max = samples.stream().filter(s -> s.nanos() >= window[0] && s.nanos() <= window[1] + 1_000_000_000L)
                    .mapToLong(s -> s.lag().get(group)).max().orElse(0);
            Lag.Sample atEnd = samples.stream().filter(s -> s.nanos() >= window[1]).findFirst().orElse(samples.getLast());
            Lag.Sample last = samples.getLast();
            long backlog = atEnd.lag().get(group);
            double drainSeconds = (last.nanos() - atEnd.nanos()) / 1e9;
            long consumed = last.consumed().get(group) - atEnd.consumed().get(group);
            String drain = backlog == 0 ? "kept up" : Report.f("%,.0f events/s for %.0f s, %s", consumed / Math.max(1, drainSeconds),
                    drainSeconds, last.lag().get(group) == 0 ? "drained" : Report.f("%,d still behind", last.lag().get(group)));
            report.info("1 intake", Report.f("consumer lag `%s`, %s", group, what),
                    Report.f("max %,d, %,d when intake stopped; after: %s", max, backlog, drain));
        }
    }

    private void cpuSection(String what, Load.Result r, Map<String, Double>[] cpu, double seconds) {
        StringBuilder table = new StringBuilder("| process | cores busy | CPU ms per request |\n|---|---|---|\n");
        double listed = 0;
        for (String name : cpu[0].keySet()) {
            double used = cpu[1].get(name) - cpu[0].get(name);
            if (name.equals("whole machine")) {
                double other = used - listed;
                table.append(Report.f("| other processes (not the stack or the bench) | %.2f | %.2f |%n", other / seconds,
                        1000 * other / Math.max(1, r.requests())));
            } else {
                listed += used;
            }
            table.append(Report.f("| %s | %.2f | %.2f |%n", name, used / seconds, 1000 * used / Math.max(1, r.requests())));
        }
        report.section("Where the CPU went, intake at " + what, Report.f("""
                CPU time of each process over the %.0f s measured (from /proc/<pid>/stat; the machine has %d cores). The \
                bench process's own share shows the load generator is not the limit.

                %s""", seconds, Runtime.getRuntime().availableProcessors(), table));
    }

    /** What bounds intake on this machine, from the CPU each process used in the target run. */
    private void limitSection(Load.Result r, Map<String, Double>[] cpu, double seconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        double requests = Math.max(1, r.requests());
        double machine = cpu[1].get("whole machine") - cpu[0].get("whole machine");
        double service = cpu[1].get("request-service") - cpu[0].get("request-service");
        double postgres = cpu[1].get("PostgreSQL (all backends)") - cpu[0].get("PostgreSQL (all backends)");
        double perRequest = 1000 * machine / requests;
        report.section("What limits intake", Report.f("""
                In the target run (8 connections) the machine's %d cores were %.0f %% busy, and the whole machine \
                spent %.2f ms of CPU per request: request-service %.2f ms, PostgreSQL %.2f ms, everything else \
                (Kafka, the consumers, the load generator) %.2f ms. At that cost these cores carry at most about \
                %,.0f requests a second however the load is driven, so intake is bound by CPU, not by waiting; \
                1,000 req/s needs at most %.2f ms per request from the whole machine. Where request-service's share \
                goes is in the JFR profile below; PostgreSQL's limit for the same writes, alone on the machine, is \
                in its own row.""", cores, 100 * machine / seconds / cores, perRequest, 1000 * service / requests,
                1000 * postgres / requests, perRequest - 1000 * (service + postgres) / requests, cores * 1000 / perRequest,
                cores * 1000 / Phases.INTAKE_TARGET));
    }

    /** The loop's rows; the target applies under the closed-loop intake (the "under that load"). */
    private void loopRows(String load, boolean target, Loop.Result l) {
        double p50 = l.answerToEvidence().getValueAtPercentile(50) / 1e6;
        double p99 = l.answerToEvidence().getValueAtPercentile(99) / 1e6;
        report.row("2 loop", "CSAT-1 answer → improvement evidence visible, under intake at " + load,
                Report.f("p50 %s / p99 %s ms, max %s ms; %d of %d loops completed (%d answered while intake ran)",
                Report.ms(p50), Report.ms(p99), Report.ms(l.answerToEvidence().getMaxValue() / 1e6), l.completed(), l.started(),
                l.answeredUnderLoad()), target ? "p99 ≤ 250 ms" : "", target ? l.completed() > 0 && l.failed() == 0 && p99 <= 250 : null);
        report.info("2 loop", "resolved → survey invitation visible (same loops, intake at " + load + ")",
                Report.f("p50 %s / p99 %s ms", Report.ms(l.resolvedToInvitation().getValueAtPercentile(50) / 1e6),
                Report.ms(l.resolvedToInvitation().getValueAtPercentile(99) / 1e6)));
        String failures = l.failures().isEmpty() ? "" : "\n\nFailures (first 5): "
                + String.join("; ", l.failures().subList(0, Math.min(5, l.failures().size())));
        if (!target) {
            report.section("The loop at a fixed intake rate", """
                    The same loop, while intake is sent at a fixed rate (an open loop: one request every 1/rate s \
                    whatever the answers take, latency counted from when each was due) %s. The closed loop keeps both \
                    cores busy whatever the stack costs, and the consumers then get only a thread's share of them; \
                    a fixed rate is a load that does not grow to fill the machine (how busy it still was: the CPU \
                    table of this run).%s""".formatted(o.loopRate > 0 ? "given by `--loop-rate`"
                    : "of " + Math.round(100 * o.loopRateShare) + " % of what the closed loop reached at its first "
                            + "connection count (`--loop-rate-share`)", failures));
            return;
        }
        report.section("The loop", """
                One loop every %d ms from the start of intake's warm-up (so that the services' JIT has compiled the \
                loop's paths, as in a service that has been running; the loops started during the warm-up are not \
                timed), timed for those started while intake is measured: emp-1002 (token `employee2`) files a payroll query; %s \
                (`hr-agent`, payroll team) takes it, starts and resolves it; when `hr.feedback.survey-invited` names \
                the request, the invitation is read from feedback-service (`GET /api/v1/surveys` as the requester) \
                and answered with CSAT 1 and a complaint; when `hr.improvement.evidence-added` names the feedback, \
                the item's evidence is read from improvement-service (`hr-lead`) until the feedback id shows, and that \
                is when it counts as visible (the events only say where to look: polling the APIs every 10 and 20 ms, as \
                earlier runs did, added some 150 calls a second to the services being measured). Loops still \
                running when intake stops are awaited (they then finish with less load). The stack runs with \
                `hrloop.feedback.survey.throttle-period=PT0S` (bench/run sets HRLOOP_FEEDBACK_SURVEY_THROTTLE_PERIOD) so \
                that one person may be surveyed on every request, and with survey-token calls per client address not \
                limited (HRLOOP_LIMITS_SURVEY_TOKENS_PER_CLIENT), as the loop answers every survey from one address.%s""".formatted(o.loopInterval.toMillis(),
                tokens.subject("hr-agent"), failures));
    }

    private void profileSection(Profile.Result p, double cpuSeconds, long requests, Path file) {
        StringBuilder md = new StringBuilder(Report.f("""
                JFR (`settings=profile`, started with `jcmd <pid> JFR.start` for the measured %d s of the intake run at the most connections) \
                on the stack's request-service: %,d execution samples; %.2f ms CPU per request (process CPU time ÷ \
                requests). Recording: `%s`.

                Each sample charged to the library of its leaf-most frame outside the JDK (adds up to 100 %%):

                | library | share of samples |
                |---|---|
                """, o.measure.toSeconds(), p.samples(), 1000 * cpuSeconds / Math.max(1, requests),
                stack.root().relativize(file)));
        p.libraries().forEach((library, share) -> md.append(Report.f("| %s | %.1f %% |%n", library, share)));
        md.append("\nInclusive (a sample counts for every area its stack passes through):\n\n| area | share |\n|---|---|\n");
        p.areas().forEach((area, share) -> md.append(Report.f("| %s | %.1f %% |%n", area, share)));
        md.append("\nHottest top frames (self time):\n\n| method | share |\n|---|---|\n");
        p.hotMethods().forEach(e -> md.append(Report.f("| `%s` | %.1f %% |%n", e.getKey(), e.getValue())));
        report.section("Profile of request-service under intake", md.toString());
    }
}
