package io.hrloop.common.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.events.Envelope;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.events.MalformedEventException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * The one consumer loop: parses the CloudEvent, checks it against the contract, and hands it to the
 * service's {@link EventHandler}s inside a transaction that records it in the inbox. An event that
 * cannot be processed (bad JSON, unknown type, schema violation, a handler failing every attempt) goes
 * to the dead-letter topic with the reason in headers, and the partition moves on.
 */
@ApplicationScoped
public class EventConsumer {

    public static final String HEADER_REASON = "dlq-reason";
    public static final String HEADER_TOPIC = "dlq-original-topic";
    public static final String HEADER_PARTITION = "dlq-original-partition";
    public static final String HEADER_OFFSET = "dlq-original-offset";
    public static final String HEADER_CONSUMER = "dlq-consumer";

    private final ConsumerConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Instance<EventHandler> handlers;
    private final Inbox inbox;
    private final ObjectMapper mapper;
    private final MeterRegistry registry;
    private final String service;
    private final AtomicBoolean running = new AtomicBoolean();
    private KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetters;
    private Thread worker;

    public EventConsumer(ConsumerConfig config, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            Instance<EventHandler> handlers, Inbox inbox, ObjectMapper mapper, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.handlers = handlers;
        this.inbox = inbox;
        this.mapper = mapper;
        this.registry = registry;
        this.service = service;
    }

    public String deadLetterTopic() {
        return config.deadLetterTopic().orElse("hr.dlq." + service);
    }

    void start(@Observes StartupEvent event) {
        List<String> topics = config.topics().orElse(List.of());
        if (!config.enabled() || topics.isEmpty()) {
            return;
        }
        Map<String, Object> props = clientConfig();
        props.put("group.id", config.group().orElse(service));
        props.put("enable.auto.commit", false);
        props.put("auto.offset.reset", "earliest");
        props.put("isolation.level", "read_committed");
        props.put("max.poll.records", 100);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        Map<String, Object> producerProps = clientConfig();
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producerProps.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerProps.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters");
        deadLetters = new KafkaProducer<>(producerProps, new StringSerializer(), new ByteArraySerializer());
        running.set(true);
        worker = Thread.ofPlatform().name("event-consumer").daemon().start(() -> run(topics));
    }

    void stop(@Observes ShutdownEvent event) {
        if (!running.getAndSet(false)) {
            return;
        }
        consumer.wakeup();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deadLetters.close(Duration.ofSeconds(5));
    }

    private Map<String, Object> clientConfig() {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (!key.startsWith("health") && !key.startsWith("snappy") && !key.startsWith("devservices")) {
                props.put(key, value);
            }
        });
        return props;
    }

    private void run(List<String> topics) {
        try {
            consumer.subscribe(topics);
            while (running.get()) {
                ConsumerRecords<String, byte[]> records = consumer.poll(config.pollTimeout());
                processAll(records);
            }
        } catch (WakeupException e) {
            // shutting down
        } catch (RuntimeException e) {
            Log.error("Event consumer stopped", e);
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void processAll(ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                try {
                    process(record);
                } catch (RuntimeException e) {
                    // Infrastructure trouble (database down, dead-letter topic unreachable): retry this record later.
                    Log.warnf("Could not process %s-%d@%d, retrying: %s", record.topic(), record.partition(),
                            record.offset(), e.getMessage());
                    rewind(records, partition, record.offset());
                    pause();
                    return;
                }
                consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
            }
        }
    }

    /** Seeks this and every later partition of the batch back to their first unprocessed record. */
    private void rewind(ConsumerRecords<String, byte[]> records, TopicPartition failed, long offset) {
        boolean after = false;
        for (TopicPartition partition : records.partitions()) {
            if (partition.equals(failed)) {
                consumer.seek(partition, offset);
                after = true;
            } else if (after) {
                consumer.seek(partition, records.records(partition).getFirst().offset());
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void process(ConsumerRecord<String, byte[]> record) {
        IncomingEvent event;
        EventCatalog type;
        try {
            event = Envelope.parse(record.value(), mapper);
            type = EventCatalog.byType(event.type())
                    .orElseThrow(() -> new MalformedEventException("unknown event type"));
            EventSchemas.requireValid(type, event.data());
        } catch (MalformedEventException e) {
            deadLetter(record, e.getMessage());
            return;
        }
        List<EventHandler> interested = new ArrayList<>();
        for (EventHandler handler : handlers) {
            if (handler.types().contains(type.type())) {
                interested.add(handler);
            }
        }
        if (interested.isEmpty()) {
            return;
        }
        for (int attempt = 1;; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.firstDelivery(event.id(), service, event.type())) {
                        interested.forEach(handler -> handler.handle(event));
                    }
                });
                registry.counter("hrloop.events.consumed", "type", event.type()).increment();
                return;
            } catch (MalformedEventException e) {
                deadLetter(record, e.getMessage());
                return;
            } catch (RuntimeException e) {
                if (attempt >= config.maxAttempts()) {
                    if (isInfrastructure(e)) {
                        throw e;
                    }
                    Log.errorf(e, "Event %s (%s) failed %d times; dead-lettering it", event.id(), event.type(), attempt);
                    deadLetter(record, "processing failed: " + e.getClass().getSimpleName());
                    return;
                }
                try {
                    Thread.sleep(100L * attempt);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    /** A database that cannot be reached is not the event's fault: the event waits instead of being dead-lettered. */
    private static boolean isInfrastructure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.net.ConnectException
                    || (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        Log.warnf("Dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add(HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_TOPIC, record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_PARTITION, Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_OFFSET, Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        headers.add(HEADER_CONSUMER, service.getBytes(StandardCharsets.UTF_8));
        try {
            deadLetters.send(new ProducerRecord<>(deadLetterTopic(), null, record.key(), record.value(), headers)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("dead-letter topic unreachable", e);
        }
        registry.counter("hrloop.events.dead-lettered", "topic", record.topic()).increment();
    }
}
