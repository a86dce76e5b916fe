package io.hrloop.common.inbox;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "hrloop.consumer")
public interface ConsumerConfig {

    /** Whether this replica consumes events. */
    @WithDefault("true")
    boolean enabled();

    /** Topics to subscribe to; none means this service consumes nothing. */
    Optional<List<String>> topics();

    /** Consumer group; defaults to the application name. */
    Optional<String> group();

    /** Dead-letter topic for events that cannot be processed; defaults to hr.dlq.&lt;application name&gt;. */
    Optional<String> deadLetterTopic();

    /** Attempts at a handler failure before the event is dead-lettered. */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("500ms")
    Duration pollTimeout();
}
