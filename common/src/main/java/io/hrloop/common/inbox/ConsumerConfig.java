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

    /** Attempts at an event whose handler fails while the database is healthy, before it is dead-lettered. */
    @WithDefault("3")
    int maxAttempts();

    @WithDefault("500ms")
    Duration pollTimeout();

    /** Records per poll; one poll batch is applied in as few transactions as {@link #transactionBudget()} allows. */
    @WithDefault("500")
    int maxPollRecords();

    /**
     * The work one transaction of a poll batch aims at, from what each event type has cost lately: a batch of
     * expensive events (feedback that is embedded and matched) is applied in several transactions, so that an
     * event's effects are visible when it and a few others are done, not when the whole batch is. Cheap events
     * (most request events) still go hundreds to a transaction. The least a transaction aims at: a batch of dear
     * events, next to what a transaction costs besides them, takes more ({@code BatchApplier.budgetMillis}).
     */
    @WithDefault("100ms")
    Duration transactionBudget();

    /**
     * The most work one transaction aims at, and what it aims at when the poll batch is full ({@link #maxPollRecords()} records: more are
     * waiting). Each transaction has a fixed cost (its inbox rows, the handlers' batch reads, the deferred work, the
     * commit): on a saturated 2-core machine some ten round trips of 10-30 ms each (JFR of feedback-service under
     * intake with the loop). Cut by the usual budget, a backlog of request events mixed with resolutions (tens of
     * milliseconds each) paid that cost every few dozen events and drained slower than intake added to it.
     */
    @WithDefault("1s")
    Duration backlogTransactionBudget();

    /**
     * How long the group waits for a replica that has stopped answering (killed, or its host gone) before its
     * partitions go to the others: the consumers' {@code session.timeout.ms}, with a heartbeat every fifth of it.
     * Kafka's default, 45 s, held up a killed replica's events for 45-80 s (system-tests' ConsumerGroupTest). A
     * replica that stops on purpose leaves the group at once and does not wait for this.
     */
    @WithDefault("15s")
    Duration sessionTimeout();

    /** First wait after a database or broker failure; it doubles up to {@link #maxBackoff()}. */
    @WithDefault("1s")
    Duration backoff();

    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * The liveness check turns DOWN when the loop has not polled for this long: the loop restarts itself
     * after every failure it sees, so a loop this late is wedged, and only a restart of the process helps.
     */
    @WithDefault("5m")
    Duration stalledAfter();
}
