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
    }
}
