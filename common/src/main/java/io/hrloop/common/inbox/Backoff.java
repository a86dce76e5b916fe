package io.hrloop.common.inbox;

import java.time.Duration;

/** Exponential backoff: first, doubling up to a maximum, back to first after a success. */
final class Backoff {

    private final Duration first;
    private final Duration max;
    private Duration current;

    Backoff(Duration first, Duration max) {
        this.first = first;
        this.max = max;
    }

    Duration next() {
        current = current == null ? first : current.multipliedBy(2);
        if (current.compareTo(max) > 0) {
            current = max;
        }
        return current;
    }

    void reset() {
        current = null;
    }
}
