package io.hrloop.common.jobs;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.quarkus.logging.Log;

/**
 * The worker thread of a relay that drains a table after commits (the event outbox, the mail outbox): it runs
 * rounds while one may leave work waiting, sleeps until a commit {@link #wake wakes} it or the sweep interval
 * passes, and backs off, doubling between the given bounds, while a round fails (the rows stay where they are).
 */
public final class RelayWorker {

    /** One round of work; true when more may be waiting at once (run again without sleeping). */
    public interface Round {
        boolean run() throws Exception;
    }

    private final String name;
    private final Duration sweepInterval;
    private final long minBackoffMs;
    private final long maxBackoffMs;
    private final String failure;
    private final Round round;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    /** {@code failure} starts the warning logged when a round fails, e.g. "Outbox relay could not publish". */
    public RelayWorker(String name, Duration sweepInterval, Duration minBackoff, Duration maxBackoff, String failure,
            Round round) {
        this.name = name;
        this.sweepInterval = sweepInterval;
        this.minBackoffMs = minBackoff.toMillis();
        this.maxBackoffMs = maxBackoff.toMillis();
        this.failure = failure;
        this.round = round;
    }

    public synchronized void start() {
        running.set(true);
        thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** Stops the thread (waiting up to 10 s for its round to end); false when it was not running. */
    public synchronized boolean stop() {
        if (!running.getAndSet(false)) {
            return false;
        }
        wakeUp.release();
        try {
            thread.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }

    /** Called after a transaction that wrote rows for the relay has committed. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        long backoffMs = 0;
        while (running.get()) {
            try {
                boolean more = round.run();
                backoffMs = 0;
                if (!more) {
                    wakeUp.tryAcquire(sweepInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                backoffMs = Math.min(Math.max(backoffMs * 2, minBackoffMs), maxBackoffMs);
                Log.warnf("%s (retrying in %d ms): %s", failure, backoffMs, e.getMessage());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
