package io.hrloop.common.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hrloop.common.kafka.KafkaClients;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The consumer loops of a service, one per topic it subscribes to (see {@link ConsumerSession} and
 * {@link BatchApplier} for what a poll does). One loop per topic, in the service's one consumer group, so that a
 * backlog on one topic does not hold up another: under intake load thousands of request events queue on
 * {@code hr.requests}, and the few feedback events on {@code hr.feedback} that improvement-service turns into
 * evidence would otherwise wait behind them (Kafka orders events within a partition only, so nothing relied on
 * an order across topics). No loop ever stops while the service runs: any failure outside the handlers (a commit
 * refused during a rebalance, an authorisation or timeout error, a broken client) is logged and that loop's Kafka
 * consumer is re-created with backoff; redelivered events are skipped by the inbox. The heartbeat (seconds since
 * the loop that polled longest ago last polled) is a metric and the liveness check ({@code ConsumerLiveness}).
 */
@ApplicationScoped
public class EventConsumer {

    private final ConsumerConfig config;
    private final Map<String, Object> kafkaConfig;
    private final BatchApplier applier;
    private final MeterRegistry registry;
    private final String service;
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<TopicPartition, Long> lag = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Gauge> lagGauges = new ConcurrentHashMap<>();
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();

    /** The loop of one topic. */
    private static final class Lane {
        final String topic;
        volatile long lastPollNanos = System.nanoTime();
        volatile KafkaConsumer<String, byte[]> current;
        Thread thread;

        Lane(String topic) {
            this.topic = topic;
        }
    }

    public EventConsumer(ConsumerConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            BatchApplier applier, MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.applier = applier;
        this.registry = registry;
        this.service = service;
    }

    void start(@Observes StartupEvent event) {
        List<String> topics = config.topics().orElse(List.of());
        if (!config.enabled() || topics.isEmpty() || !applier.consumesAnything()) {
            return;
        }
        Gauge.builder("hrloop.consumer.seconds.since.poll", this, EventConsumer::secondsSincePoll)
                .description("Seconds since the consumer loop last polled Kafka").register(registry);
        registry.counter("hrloop.consumer.restarts");
        applier.registerMeters(topics);
        running.set(true);
        for (String topic : topics) {
            Lane lane = new Lane(topic);
            lanes.add(lane);
            lane.thread = Thread.ofPlatform().name("event-consumer-" + topic).daemon().start(() -> supervise(lane));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running.getAndSet(false)) {
            return;
        }
        for (Lane lane : lanes) {
            KafkaConsumer<String, byte[]> consumer = lane.current;
            if (consumer != null) {
                consumer.wakeup();
            }
        }
        // A woken loop finishes its batch and closes its consumer, which leaves the group at once. Only a loop still
        // running after a grace (one waiting out a restart backoff) is interrupted: an interrupt during the close
        // aborts it (the client logs it as an error) and leaves the group to notice the departure by timeout.
        long start = System.nanoTime();
        if (joinAll(start + Duration.ofSeconds(3).toNanos())) {
            for (Lane lane : lanes) {
                lane.thread.interrupt();
            }
            joinAll(start + Duration.ofSeconds(15).toNanos());
        }
    }

    /** Waits for every loop's thread until the deadline; whether one is still running. */
    private boolean joinAll(long deadline) {
        for (Lane lane : lanes) {
            try {
                lane.thread.join(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return lanes.stream().anyMatch(lane -> lane.thread.isAlive());
    }

    /** Whether the loop runs in this replica. */
    public boolean isRunning() {
        return running.get();
    }

    /** Seconds since the loop that polled longest ago last polled (every loop polls at least every poll timeout). */
    public double secondsSincePoll() {
        long now = System.nanoTime();
        long oldest = 0;
        for (Lane lane : lanes) {
            oldest = Math.max(oldest, now - lane.lastPollNanos);
        }
        return oldest / 1e9;
    }

    public Duration stalledAfter() {
        return config.stalledAfter();
    }

    private void supervise(Lane lane) {
        Backoff backoff = new Backoff(config.backoff(), config.maxBackoff());
        while (running.get()) {
            try {
                consume(lane, backoff);
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (Throwable e) {
                if (!running.get()) {
                    break;
                }
                Duration wait = backoff.next();
                registry.counter("hrloop.consumer.restarts").increment();
                Log.errorf(e, "Event consumer of %s failed; re-creating it in %d ms", lane.topic, wait.toMillis());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void consume(Lane lane, Backoff restartBackoff) {
        Map<String, Object> props = KafkaClients.properties(kafkaConfig);
        props.put("group.id", config.group().orElse(service));
        props.put("client.id", service + "-consumer-" + lane.topic);
        props.put("enable.auto.commit", false);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        props.put("max.poll.records", config.maxPollRecords());
        props.put("session.timeout.ms", (int) config.sessionTimeout().toMillis());
        props.put("heartbeat.interval.ms", (int) Math.max(500, config.sessionTimeout().toMillis() / 5));
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()); KafkaClientMetrics metrics = new KafkaClientMetrics(consumer)) {
            metrics.bindTo(registry);
            lane.current = consumer;
            ConsumerSession session = new ConsumerSession(consumer, applier, config, new Heartbeat(lane));
            session.subscribe(List.of(lane.topic));
            while (running.get()) {
                session.pollOnce();
                restartBackoff.reset();
            }
            session.flush();
        } finally {
            lane.current = null;
            for (TopicPartition partition : List.copyOf(lagGauges.keySet())) {
                if (partition.topic().equals(lane.topic)) {
                    registry.remove(lagGauges.remove(partition));
                    lag.remove(partition);
                }
            }
        }
    }

    /** Keeps the heartbeat and the lag gauges of a lane's current session. */
    private final class Heartbeat implements ConsumerSession.Listener {

        private final Lane lane;

        Heartbeat(Lane lane) {
            this.lane = lane;
        }

        @Override
        public void polled() {
            lane.lastPollNanos = System.nanoTime();
        }

        @Override
        public void lag(Collection<TopicPartition> assigned, KafkaConsumer<?, ?> consumer) {
            for (TopicPartition partition : assigned) {
                consumer.currentLag(partition).ifPresent(value -> {
                    lag.put(partition, value);
                    lagGauges.computeIfAbsent(partition, p -> Gauge.builder("hrloop.consumer.lag", lag,
                            m -> m.getOrDefault(p, 0L)).tags("topic", p.topic(), "partition", String.valueOf(p.partition()))
                            .description("Records between the consumer's position and the end of the partition")
                            .register(registry));
                });
            }
        }

        @Override
        public void revoked(Collection<TopicPartition> partitions) {
            for (TopicPartition partition : partitions) {
                Gauge gauge = lagGauges.remove(partition);
                if (gauge != null) {
                    registry.remove(gauge);
                }
                lag.remove(partition);
            }
        }
    }
}
