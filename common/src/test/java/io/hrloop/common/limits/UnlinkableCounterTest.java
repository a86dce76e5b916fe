package io.hrloop.common.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The per-person feedback counter: a limit per fixed window, and nothing kept but opaque keys and counts. */
class UnlinkableCounterTest {

    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    @Test
    void refusesBeyondTheLimitUntilTheWindowEnds() {
        UnlinkableCounter counter = new UnlinkableCounter(3, Duration.ofHours(1), 1000);
        for (int i = 0; i < 3; i++) {
            assertTrue(counter.tryAcquire("emp-1", START.plusSeconds(i)).allowed());
        }
        Verdict refused = counter.tryAcquire("emp-1", START.plusSeconds(600));
        assertFalse(refused.allowed());
        assertEquals(3000, refused.retryAfterSeconds(), "until 11:00, the end of the window");
        assertTrue(counter.tryAcquire("emp-2", START.plusSeconds(601)).allowed(), "another person is counted apart");
        assertTrue(counter.tryAcquire("emp-1", START.plusSeconds(3600)).allowed(), "a new window starts afresh");
    }

    @Test
    void keepsOnlyKeyedCountsThatNameNoOneAndChangeEveryWindow() {
        UnlinkableCounter counter = new UnlinkableCounter(20, Duration.ofHours(1), 1000);
        counter.tryAcquire("emp-visible-name", START);
        counter.tryAcquire("emp-visible-name", START.plusSeconds(5));
        Map<String, Integer> first = counter.snapshot();
        assertEquals(1, first.size());
        String key = first.keySet().iterator().next();
        assertFalse(key.contains("emp-visible-name"));
        assertEquals(64, key.length(), "an HMAC-SHA256, nothing else");
        assertEquals(2, first.get(key), "a count, no times");

        counter.tryAcquire("emp-visible-name", START.plusSeconds(3600));
        Map<String, Integer> second = counter.snapshot();
        assertEquals(1, second.size(), "the previous window is gone");
        assertNotEquals(key, second.keySet().iterator().next(), "a new secret: windows cannot be joined on the key");
    }

    @Test
    void boundedUnderAFloodOfPeople() {
        UnlinkableCounter counter = new UnlinkableCounter(1, Duration.ofHours(1), 10);
        for (int i = 0; i < 50; i++) {
            assertTrue(counter.tryAcquire("emp-" + i, START).allowed());
        }
        assertEquals(10, counter.tracked());
    }
}
