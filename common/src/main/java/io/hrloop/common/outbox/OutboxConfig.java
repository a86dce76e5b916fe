package io.hrloop.common.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hrloop.outbox")
public interface OutboxConfig {

    Relay relay();

    interface Relay {
        /** Whether this replica runs the relay. */
        @WithDefault("true")
        boolean enabled();

        /** Rows claimed per transaction. */
        @WithDefault("200")
        int batchSize();

        /** How often the relay looks for rows when no commit has woken it (other replicas' leftovers, retries). */
        @WithDefault("5s")
        Duration sweepInterval();

        /**
         * Failed publications of one row (while the broker took other rows) after which it is parked: it
         * waits, with its aggregate's later events, for an operator to retry or discard it. A row the broker
         * can never take (too large, invalid) is parked at once.
         */
        @WithDefault("5")
        int maxAttempts();

        /** Largest event the relay sends; a larger one is parked without being sent. */
        @WithDefault("1000000")
        int maxEventBytes();
    }
}
