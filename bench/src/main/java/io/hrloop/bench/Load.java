package io.hrloop.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import io.vertx.core.AsyncResult;
import io.vertx.core.http.HttpMethod;

/**
 * A closed-loop load: {@code connections} callback chains, each sending its next request as soon as
 * the previous answer is complete, for a warm-up and then a fixed measured duration. Latency is
 * recorded from sending to the last byte of the answer; non-2xx answers and failures are errors.
 * <p>
 * The warm-up lasts at least the given time and then goes on, in windows of {@link #STEADY_WINDOW}, until the
 * service's rate has stopped rising for two windows and, where the service's process is given, its JIT compiler
 * threads have been nearly idle in both: a JVM that has just started compiles with C2 for a minute or more on two
 * busy cores (five minutes on an AMD EPYC under nested virtualisation, where the rate still rose from 146 to 307
 * requests a second meanwhile, in steps the 2 % rule alone took for noise), and a measurement taken before that is
 * of the compiler, not of the service.
 */
final class Load {

    /** What one request sends. */
    record Call(HttpMethod method, String uri, String token, String body, Map<String, String> headers) {
    }

    record Result(String label, int connections, long requests, long errors, double seconds, Histogram latency,
            Map<String, Long> errorKinds, double clientCpuSeconds, double warmupSeconds, double compilingAtWarm) {

        /** What the row says about the warm-up: how long, and whether it ended at its cap with the JIT still busy. */
        String warmup() {
            return compilingAtWarm >= JIT_SETTLED
                    ? Report.f("after %.0f s warm-up, ended at its cap with the service's JIT compilers still using %.0f %% of a core",
                            warmupSeconds, compilingAtWarm * 100)
                    : Report.f("after %.0f s warm-up", warmupSeconds);
        }

        double perSecond() {
            return requests / seconds;
        }

        double millis(double percentile) {
            return latency.getTotalCount() == 0 ? Double.NaN : latency.getValueAtPercentile(percentile) / 1e6;
        }
    }

    /** Hooks around the measured window: called when it starts and when it ends. */
    interface Window {
        void started();

        void ended();
    }

    /**
     * A warm-up window: the warm-up ends after {@link #FLAT_WINDOWS} windows in a row whose rate is not 2 % above the
     * best one before them (one such window alone ended a fresh service's warm-up at 40 s, still 10 % below its
     * rate a minute later).
     */
    static final Duration STEADY_WINDOW = Duration.ofSeconds(10);
    static final int FLAT_WINDOWS = 2;
    /** The longest warm-up, whether or not the rate has settled by then. */
    static final Duration MAX_WARMUP = Duration.ofSeconds(600);
    static final double STILL_RISING = 1.02;
    /**
     * The share of a core under which the JIT compilers count as settled: request-service's used 3 % once its rate
     * had stopped rising, 6-16 % (mostly 12-16 %) while it rose.
     */
    static final double JIT_SETTLED = 0.05;

    private Load() {
    }

    /** What the measured answers came to: a latency per 2xx, a count per kind of error. */
    private static final class Tally {
        final Recorder recorder = new Recorder(3);
        final AtomicLong requests = new AtomicLong();
        final AtomicLong errors = new AtomicLong();
        final Map<String, Long> errorKinds = new ConcurrentHashMap<>();

        void count(AsyncResult<Http.Answer> done, long latencyNanos) {
            if (done.succeeded() && done.result().ok()) {
                requests.incrementAndGet();
                recorder.recordValue(Math.max(0, latencyNanos));
            } else {
                errors.incrementAndGet();
                String kind = done.succeeded() ? String.valueOf(done.result().status())
                        : done.cause().getClass().getSimpleName();
                errorKinds.merge(kind, 1L, Long::sum);
            }
        }

        Result result(String label, int connections, double seconds, long cpuNanos, double warmupSeconds,
                double compilingAtWarm) {
            return new Result(label, connections, requests.get(), errors.get(), seconds, recorder.getIntervalHistogram(),
                    new TreeMap<>(errorKinds), cpuNanos / 1e9, warmupSeconds, compilingAtWarm);
        }
    }

    /**
     * @param servicePid the process of the service under load, whose JIT compilers the warm-up waits for; 0 to wait
     *     for the rate alone
     */
    static Result run(String label, int port, Supplier<Call> calls, int connections, Duration warmup, Duration measure,
            long servicePid, Window window) {
        Tally tally = new Tally();
        CountDownLatch stopped = new CountDownLatch(connections);
        AtomicLong warm = new AtomicLong();
        var state = new Object() {
            volatile boolean running = true;
            volatile boolean measuring;
        };
        try (Http http = new Http(connections)) {
            long warmStart = System.nanoTime();
            Runnable[] chain = new Runnable[1];
            chain[0] = () -> {
                if (!state.running) {
                    stopped.countDown();
                    return;
                }
                Call call = calls.get();
                http.send(call.method(), port, call.uri(), call.token(), call.body(), call.headers()).onComplete(done -> {
                    if (state.measuring) {
                        tally.count(done, done.succeeded() ? done.result().nanos() : 0);
                    } else {
                        warm.incrementAndGet();
                    }
                    chain[0].run();
                });
            };
            for (int i = 0; i < connections; i++) {
                chain[0].run();
            }
            Http.sleep(warmup);
            double best = warm.get() / ((System.nanoTime() - warmStart) / 1e9);
            int flat = 0;
            double compiling = 0;
            while (flat < FLAT_WINDOWS && System.nanoTime() - warmStart < MAX_WARMUP.toNanos()) {
                long before = warm.get();
                long from = System.nanoTime();
                double compiledBefore = servicePid > 0 ? Procs.compilerCpuSeconds(servicePid) : 0;
                Http.sleep(STEADY_WINDOW);
                double seconds = (System.nanoTime() - from) / 1e9;
                double rate = (warm.get() - before) / seconds;
                compiling = servicePid > 0 ? Math.max(0, Procs.compilerCpuSeconds(servicePid) - compiledBefore) / seconds : 0;
                flat = rate > best * STILL_RISING || compiling >= JIT_SETTLED ? 0 : flat + 1;
                best = Math.max(best, rate);
            }
            double warmupSeconds = (System.nanoTime() - warmStart) / 1e9;
            tally.recorder.reset();
            long cpuBefore = clientCpuNanos();
            state.measuring = true;
            long began = System.nanoTime();
            window.started();
            Http.sleep(measure);
            state.measuring = false;
            double seconds = (System.nanoTime() - began) / 1e9;
            long cpu = clientCpuNanos() - cpuBefore;
            window.ended();
            state.running = false;
            awaitQuietly(stopped);
            return tally.result(label, connections, seconds, cpu, warmupSeconds, compiling);
        }
    }

    /**
     * An open-loop load: requests sent at a fixed {@code rate} per second whatever the answers take, over at
     * most {@code connections} connections (requests wait in the client's queue for a free one). Latency is
     * recorded from the moment a request was due, not from when it left, so a stalled server is not hidden by
     * the load generator waiting for it (coordinated omission).
     */
    static Result runAtRate(String label, int port, Supplier<Call> calls, double rate, int connections, Duration warmup,
            Duration measure, Window window) {
        Tally tally = new Tally();
        AtomicLong inFlight = new AtomicLong();
        long interval = (long) (1e9 / rate);
        try (Http http = new Http(connections)) {
            long start = System.nanoTime();
            long warmEnd = start + warmup.toNanos();
            long end = warmEnd + measure.toNanos();
            long cpuBefore = 0;
            long began = 0;
            boolean started = false;
            for (long i = 0;; i++) {
                long due = start + i * interval;
                if (due >= end) {
                    break;
                }
                if (!started && due >= warmEnd) {
                    started = true;
                    tally.recorder.reset();
                    cpuBefore = clientCpuNanos();
                    began = System.nanoTime();
                    window.started();
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                boolean counted = started;
                Call call = calls.get();
                inFlight.incrementAndGet();
                http.send(call.method(), port, call.uri(), call.token(), call.body(), call.headers()).onComplete(done -> {
                    inFlight.decrementAndGet();
                    if (counted) {
                        tally.count(done, System.nanoTime() - due);
                    }
                });
            }
            double seconds = (System.nanoTime() - began) / 1e9;
            long cpu = clientCpuNanos() - cpuBefore;
            window.ended();
            long waitEnd = System.nanoTime() + Duration.ofSeconds(70).toNanos();
            while (inFlight.get() > 0 && System.nanoTime() < waitEnd) {
                Http.sleep(Duration.ofMillis(20));
            }
            return tally.result(label, connections, seconds, cpu, warmup.toSeconds(), 0);
        }
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(70, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
