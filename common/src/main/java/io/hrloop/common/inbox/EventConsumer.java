package io.hrloop.common.inbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * The one consumer loop of a service (see {@link ConsumerSession} and {@link BatchApplier} for what a poll
 * does). It never stops while the service runs: any failure outside the handlers (a commit refused during a
 * rebalance, an authorisation or timeout error, a broken client) is logged and the Kafka consumer is
 * re-created with backoff; redelivered events are skipped by the inbox. Its heartbeat (seconds since the last
 * poll) is a metric and the liveness check ({@code ConsumerLiveness}).
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
    private volatile long lastPollNanos = System.nanoTime();
    private volatile KafkaConsumer<String, byte[]> current;
    private Thread supervisor;

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
        lastPollNanos = System.nanoTime();
        supervisor = Thread.ofPlatform().name("event-consumer").daemon().start(() -> supervise(topics));
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running.getAndSet(false)) {
            return;
        }
        KafkaConsumer<String, byte[]> consumer = current;
        if (consumer != null) {
            consumer.wakeup();
        }
        supervisor.interrupt();
        try {
            supervisor.join(Duration.ofSeconds(15));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the loop runs in this replica. */
    public boolean isRunning() {
        return running.get();
    }

    public double secondsSincePoll() {
        return (System.nanoTime() - lastPollNanos) / 1e9;
    }

    public Duration stalledAfter() {
        return config.stalledAfter();
    }

    private void supervise(List<String> topics) {
        Backoff backoff = new Backoff(config.backoff(), config.maxBackoff());
        while (running.get()) {
            try {
                consume(topics, backoff);
            } catch (WakeupException e) {
                // stop() woke the consumer up
            } catch (Throwable e) {
                if (!running.get()) {
                    break;
                }
                Duration wait = backoff.next();
                registry.counter("hrloop.consumer.restarts").increment();
                Log.errorf(e, "Event consumer failed; re-creating it in %d ms", wait.toMillis());
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
    }

    private void consume(List<String> topics, Backoff restartBackoff) {
        Map<String, Object> props = KafkaClients.properties(kafkaConfig);
        props.put("group.id", config.group().orElse(service));
        props.put("client.id", service + "-consumer");
        props.put("enable.auto.commit", false);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        props.put("max.poll.records", config.maxPollRecords());
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer()); KafkaClientMetrics metrics = new KafkaClientMetrics(consumer)) {
            metrics.bindTo(registry);
            current = consumer;
            ConsumerSession session = new ConsumerSession(consumer, applier, config, new Heartbeat());
            session.subscribe(topics);
            while (running.get()) {
                session.pollOnce();
                restartBackoff.reset();
            }
            session.flush();
        } finally {
            current = null;
            lagGauges.values().forEach(registry::remove);
            lagGauges.clear();
            lag.clear();
        }
    }

    /** Keeps the heartbeat and the lag gauges of the current session. */
    private final class Heartbeat implements ConsumerSession.Listener {

        @Override
        public void polled() {
            lastPollNanos = System.nanoTime();
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
