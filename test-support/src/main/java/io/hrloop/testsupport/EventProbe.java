package io.hrloop.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads what a service really published to a topic, from the end of the topic at the time the probe
 * was opened, so tests assert on the events a consumer would see.
 */
public final class EventProbe implements AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private EventProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                "bootstrap.servers", TestInfrastructure.get().kafka().bootstrapServers(),
                "group.id", "probe-" + UUID.randomUUID(),
                "enable.auto.commit", false,
                "isolation.level", "read_committed"), new StringDeserializer(), new StringDeserializer());
        Topics.ensure(topic);
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(20));
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        consumer.seekToEnd(assigned);
        assigned.forEach(consumer::position);
    }

    /** Opens a probe positioned at the current end of {@code topic} (creating the topic if needed). */
    public static EventProbe at(String topic) {
        return new EventProbe(topic);
    }

    /** Waits for events (parsed CloudEvent JSON) matching {@code filter}; returns all matches seen once {@code count} are there. */
    public List<JsonNode> await(int count, Duration timeout, Predicate<JsonNode> filter) {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            List<JsonNode> matches = matches(filter);
            if (matches.size() >= count || Instant.now().isAfter(deadline)) {
                return matches;
            }
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
            }
        }
    }

    /** Keeps polling for {@code window} and returns every match: for asserting that something did not happen twice. */
    public List<JsonNode> drain(Duration window, Predicate<JsonNode> filter) {
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
            }
        }
        return matches(filter);
    }

    public List<ConsumerRecord<String, String>> records() {
        return List.copyOf(seen);
    }

    private List<JsonNode> matches(Predicate<JsonNode> filter) {
        List<JsonNode> result = new ArrayList<>();
        for (ConsumerRecord<String, String> record : seen) {
            JsonNode node = parse(record.value());
            if (node != null && filter.test(node)) {
                result.add(node);
            }
        }
        return result;
    }

    public static Predicate<JsonNode> ofType(String type) {
        return node -> type.equals(node.path("type").asText());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static JsonNode parse(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (Exception e) {
            return null;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
