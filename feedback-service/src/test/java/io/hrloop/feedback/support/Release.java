package io.hrloop.feedback.support;

import io.hrloop.feedback.service.AnonymousEvents;
import io.quarkus.arc.Arc;

/** Runs the release of anonymous feedback now, as the hourly job would (the test profile never schedules it). */
public final class Release {

    private Release() {
    }

    public static void anonymousFeedback() {
        Arc.container().instance(AnonymousEvents.class).get().release();
    }

    /** The same from another thread (as another replica would, outside the caller's transaction), waited for. */
    public static void anonymousFeedbackInAnotherThread() {
        java.util.concurrent.atomic.AtomicReference<Throwable> failure = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                anonymousFeedback();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        thread.start();
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (failure.get() != null) {
            throw new AssertionError("the release failed", failure.get());
        }
    }
}
