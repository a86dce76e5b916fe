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
 */
final class Load {

    /** What one request sends. */
    record Call(HttpMethod method, String uri, String token, String body, Map<String, String> headers) {
    }

    record Result(String label, int connections, long requests, long errors, double seconds, Histogram latency,
            Map<String, Long> errorKinds, double clientCpuSeconds) {

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

        Result result(String label, int connections, double seconds, long cpuNanos) {
            return new Result(label, connections, requests.get(), errors.get(), seconds, recorder.getIntervalHistogram(),
                    new TreeMap<>(errorKinds), cpuNanos / 1e9);
        }
    }

    static Result run(String label, int port, Supplier<Call> calls, int connections, Duration warmup, Duration measure,
            Window window) {
        Tally tally = new Tally();
        CountDownLatch stopped = new CountDownLatch(connections);
        var state = new Object() {
            volatile boolean running = true;
            volatile boolean measuring;
        };
        try (Http http = new Http(connections)) {
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
                    }
                    chain[0].run();
                });
            };
            for (int i = 0; i < connections; i++) {
                chain[0].run();
            }
            Http.sleep(warmup);
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
            return tally.result(label, connections, seconds, cpu);
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
            return tally.result(label, connections, seconds, cpu);
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
