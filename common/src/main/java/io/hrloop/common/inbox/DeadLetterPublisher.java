package io.hrloop.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.hrloop.common.deadletter.DeadLetterStore;
import io.hrloop.common.inbox.EventDispatcher.Delivery;
import io.hrloop.common.kafka.KafkaClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Identifier;

/**
 * Parks an event this service cannot process: in the dead-letter table (where the operator lists, replays
 * or discards it) and on the dead-letter topic {@code hr.dlq.<service>} with the reason in headers.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    private final DeadLetterStore store;
    private final ConsumerConfig config;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final String service;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetterPublisher(DeadLetterStore store, ConsumerConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.store = store;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.service = service;
    }

    public String topic() {
        return config.deadLetterTopic().orElse("hr.dlq." + service);
    }

    void park(ConsumerRecord<String, byte[]> record, Delivery delivery, String reason) {
        Log.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        store.park(record.topic(), record.partition(), record.offset(), record.key(),
                delivery == null ? null : delivery.metadata().id(),
                delivery == null ? null : delivery.metadata().type().type(), reason, record.value());
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(EventHeaders.DLQ_REASON, bytes(reason));
        headers.add(EventHeaders.DLQ_TOPIC, bytes(record.topic()));
        headers.add(EventHeaders.DLQ_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(EventHeaders.DLQ_OFFSET, bytes(Long.toString(record.offset())));
        headers.add(EventHeaders.DLQ_CONSUMER, bytes(service));
        try {
            producer().send(new ProducerRecord<>(topic(), null, record.key(), record.value(), headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("dead-letter topic unreachable", e);
        }
        registry.counter("hrloop.events.dead.lettered", "topic", record.topic()).increment();
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            Map<String, Object> props = KafkaClients.properties(kafkaConfig);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            props.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
            props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
            props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
            props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
            producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
