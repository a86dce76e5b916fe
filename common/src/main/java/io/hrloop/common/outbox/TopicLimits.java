package io.hrloop.common.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

import io.quarkus.logging.Log;

/**
 * The largest record each topic accepts ({@code max.message.bytes}), read from the broker and kept for a few
 * seconds. The relay checks an event against it before sending: a producer that sends a record the broker
 * refuses as too large keeps splitting and retrying it until its delivery timeout, holding up every event
 * behind it, instead of failing at once.
 */
final class TopicLimits {

    private static final Duration TTL = Duration.ofSeconds(10);
    /** Room for the record batch header, key and headers around the payload. */
    static final int OVERHEAD = 256;
    private static final Map<String, Limit> CACHE = new ConcurrentHashMap<>();

    private record Limit(int bytes, long fetchedAtNanos) {
    }

    private TopicLimits() {
    }

    /** The topic's limit in bytes; unlimited when the broker cannot tell right now (the send will tell). */
    static int maxMessageBytes(Admin admin, String topic) {
        Limit cached = CACHE.get(topic);
        if (cached != null && System.nanoTime() - cached.fetchedAtNanos() < TTL.toNanos()) {
            return cached.bytes();
        }
        try {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get(5, TimeUnit.SECONDS).get(resource);
            ConfigEntry entry = config == null ? null : config.get("max.message.bytes");
            int bytes = entry == null || entry.value() == null ? Integer.MAX_VALUE : Integer.parseInt(entry.value());
            CACHE.put(topic, new Limit(bytes, System.nanoTime()));
            return bytes;
        } catch (Exception e) {
            Log.debugf("max.message.bytes of %s unknown: %s", topic, e.getMessage());
            return Integer.MAX_VALUE;
        }
    }

    /** After an operator fixed a topic, its limit is read again before the next send. */
    static void forget(String topic) {
        CACHE.remove(topic);
    }
}
