package io.hrloop.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Consumer-group lag of the services, read with the Kafka AdminClient: for every partition of the
 * topics a group consumes, the end offset minus the group's committed offset (minus the start
 * offset where it has committed nothing yet). Sampled once a second while the load runs.
 */
final class Lag implements AutoCloseable {

    /** The groups and the topics each consumes (hrloop.consumer.topics of the services). */
    static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("feedback-service", List.of("hr.requests", "hr.improvements", "hr.people"));
        GROUPS.put("improvement-service", List.of("hr.requests", "hr.feedback", "hr.people"));
    }

    /** One sample: per group, its lag and the sum of its committed offsets (what it has consumed). */
    record Sample(long nanos, Map<String, Long> lag, Map<String, Long> consumed) {
    }

    private final Admin admin;

    Lag(int kafkaPort) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + kafkaPort);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        admin = Admin.create(props);
    }

    Sample sample() {
        try {
            Map<String, Long> lag = new LinkedHashMap<>();
            Map<String, Long> consumed = new LinkedHashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            var topics = admin.describeTopics(GROUPS.values().stream().flatMap(List::stream).distinct().toList())
                    .allTopicNames().get(5, TimeUnit.SECONDS);
            topics.forEach((name, description) -> description.partitions().forEach(p -> {
                latest.put(new TopicPartition(name, p.partition()), OffsetSpec.latest());
                earliest.put(new TopicPartition(name, p.partition()), OffsetSpec.earliest());
            }));
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
            for (var group : GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                long behind = 0;
                long done = 0;
                for (TopicPartition tp : ends.keySet()) {
                    if (!group.getValue().contains(tp.topic())) {
                        continue;
                    }
                    OffsetAndMetadata offset = committed.get(tp);
                    long position = offset == null ? starts.get(tp).offset() : offset.offset();
                    behind += Math.max(0, ends.get(tp).offset() - position);
                    done += position;
                }
                lag.put(group.getKey(), behind);
                consumed.put(group.getKey(), done);
            }
            return new Sample(System.nanoTime(), lag, consumed);
        } catch (Exception e) {
            throw new IllegalStateException("reading consumer lag failed: " + e.getMessage(), e);
        }
    }

    /** A group's committed offsets and the topic's end offsets, each summed over the topic's partitions. */
    record Position(long committed, long end) {
        long lag() {
            return Math.max(0, end - committed);
        }
    }

    /**
     * Where each of {@code groups} stands on one topic (a partition the group has committed nothing on counts at
     * its start offset).
     */
    Map<String, Position> positions(String topic, List<String> groups) {
        try {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> {
                        latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest());
                        earliest.put(new TopicPartition(topic, p.partition()), OffsetSpec.earliest());
                    });
            var ends = admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
            var starts = admin.listOffsets(earliest).all().get(5, TimeUnit.SECONDS);
            Map<String, Position> positions = new LinkedHashMap<>();
            for (String group : groups) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                long done = 0;
                long end = 0;
                for (TopicPartition tp : ends.keySet()) {
                    OffsetAndMetadata offset = committed.get(tp);
                    done += offset == null ? starts.get(tp).offset() : offset.offset();
                    end += ends.get(tp).offset();
                }
                positions.put(group, new Position(done, end));
            }
            return positions;
        } catch (Exception e) {
            throw new IllegalStateException("reading the offsets of " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** The sum of a topic's end offsets (how many records it ever took), 0 when it does not exist. */
    long endOffsets(String topic) {
        try {
            if (!admin.listTopics().names().get(5, TimeUnit.SECONDS).contains(topic)) {
                return 0;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get(5, TimeUnit.SECONDS).get(topic).partitions()
                    .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(latest).all().get(5, TimeUnit.SECONDS).values().stream()
                    .mapToLong(r -> r.offset()).sum();
        } catch (Exception e) {
            throw new IllegalStateException("reading the end of " + topic + " failed: " + e.getMessage(), e);
        }
    }

    /** Samples every second on its own thread until {@link Sampler#stop()}. */
    final class Sampler {
        final List<Sample> samples = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile boolean running = true;
        private final Thread thread = Thread.ofPlatform().name("lag-sampler").daemon().start(() -> {
            while (running) {
                samples.add(sample());
                Http.sleep(Duration.ofSeconds(1));
            }
        });

        List<Sample> stop() throws InterruptedException {
            running = false;
            thread.join();
            return samples;
        }
    }

    Sampler start() {
        return new Sampler();
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
