package io.hrloop.common.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.consumer.RetriableCommitFailedException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.TimeoutException;

import io.quarkus.logging.Log;

/**
 * One Kafka consumer's life in the loop: poll, apply the batch, commit its offsets (asynchronously). While the database is
 * away the batch is rewound and the partitions are paused: the consumer keeps polling (so it stays in its
 * group and the loop's heartbeat stays fresh) and retries with backoff once the database answers.
 */
final class ConsumerSession implements ConsumerRebalanceListener {

    /** What the session reports to the loop that owns it. */
    interface Listener {
        void polled();

        void lag(Collection<TopicPartition> assigned, KafkaConsumer<?, ?> consumer);

        void revoked(Collection<TopicPartition> partitions);
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final BatchApplier applier;
    private final ConsumerConfig config;
    private final Listener listener;
    private final Backoff databaseBackoff;
    private final Map<TopicPartition, OffsetAndMetadata> uncommitted = new HashMap<>();
    private long retryAtNanos;
    private boolean waiting;

    ConsumerSession(KafkaConsumer<String, byte[]> consumer, BatchApplier applier, ConsumerConfig config,
            Listener listener) {
        this.consumer = consumer;
        this.applier = applier;
        this.config = config;
        this.listener = listener;
        this.databaseBackoff = new Backoff(config.backoff(), config.maxBackoff());
    }

    void subscribe(List<String> topics) {
        consumer.subscribe(topics, this);
    }

    void pollOnce() {
        if (waiting) {
            waitForDatabase();
            return;
        }
        ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
        listener.polled();
        listener.lag(consumer.assignment(), consumer);
        if (records.isEmpty()) {
            return;
        }
        try {
            applier.apply(records);
        } catch (BatchApplier.RetryLater e) {
            rewind(records);
            waiting = true;
            Duration wait = databaseBackoff.next();
            retryAtNanos = System.nanoTime() + wait.toNanos();
            Log.warnf("%s; %d events wait (partitions paused, retrying in %d ms)", e.getMessage(), records.count(),
                    wait.toMillis());
            return;
        }
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> part = records.records(partition);
            uncommitted.put(partition, new OffsetAndMetadata(part.getLast().offset() + 1));
        }
        commitAsync();
    }

    /**
     * Commits the applied batches' offsets without waiting for the broker: the effects and their inbox rows are
     * already committed, so an offset the broker never took costs only a redelivery that the inbox skips. Waiting
     * for each commit made a busy broker's round trip the consumer's pace (measured under intake: the loop spent
     * most of its time in commitSync). The offsets are committed synchronously when partitions are revoked and when
     * the loop stops ({@link #flush}).
     */
    private void commitAsync() {
        if (uncommitted.isEmpty()) {
            return;
        }
        consumer.commitAsync(new HashMap<>(uncommitted), (committed, error) -> {
            if (error == null) {
                // Only what this commit covered: a later batch of the same partition keeps its newer offset.
                committed.forEach((partition, offset) -> uncommitted.remove(partition, offset));
            } else {
                Log.debugf("Offsets not committed (%s); the next commit covers them", error.getClass().getSimpleName());
            }
        });
    }

    /**
     * Commits what was applied and not yet committed, waiting for the broker (the loop is stopping). Best effort:
     * what it cannot commit is redelivered to the next consumer and skipped by the inbox.
     */
    void flush() {
        try {
            commit(new HashMap<>(uncommitted));
        } catch (RuntimeException e) {
            Log.debugf("Offsets not committed at stop (%s); they will be redelivered and skipped",
                    e.getClass().getSimpleName());
        }
        uncommitted.clear();
    }

    private void waitForDatabase() {
        consumer.pause(consumer.assignment());
        consumer.poll(config.pollTimeout());
        listener.polled();
        if (System.nanoTime() - retryAtNanos < 0) {
            return;
        }
        if (applier.databaseReachable()) {
            Log.info("Database reachable again; consuming resumes");
            consumer.resume(consumer.paused());
            waiting = false;
            databaseBackoff.reset();
        } else {
            retryAtNanos = System.nanoTime() + databaseBackoff.next().toNanos();
        }
    }

    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        if (offsets.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(offsets, Duration.ofSeconds(15));
        } catch (CommitFailedException | RebalanceInProgressException | RetriableCommitFailedException
                | TimeoutException e) {
            // The effects are committed with their inbox rows: whoever gets these records next skips them.
            Log.warnf("Could not commit consumed offsets (%s); the events will be redelivered and skipped",
                    e.getClass().getSimpleName());
        }
        offsets.clear();
    }

    private void rewind(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (consumer.assignment().contains(partition)) {
                consumer.seek(partition, records.records(partition).getFirst().offset());
            }
        }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> mine = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = uncommitted.remove(partition);
            if (offset != null) {
                mine.put(partition, offset);
            }
        }
        commit(mine);
        listener.revoked(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        if (waiting) {
            consumer.pause(partitions);
        }
    }
}
