package io.hrloop.common.limits;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Counts what each person does within fixed windows without keeping anything that ties a person to a moment or
 * to what they created (anonymous feedback). Windows are aligned to the epoch, the same for everyone; within one,
 * a person is known only as HMAC-SHA256 of their id under a secret drawn at random for that window, and what is
 * kept is a count. When the window ends, its secret and its counts are dropped together. Nothing is written to
 * the database, a log or a metric, and no id or time of what was created is ever seen here.
 *
 * <p>Not Bucket4j: a token bucket's state is the exact time of the person's last call, which for this limit
 * would be the moment they gave anonymous feedback.
 */
public final class UnlinkableCounter {

    private final int limit;
    private final long windowMillis;
    private final int maxTracked;
    private final SecureRandom random = new SecureRandom();
    private volatile Window current;

    /** One window: its index since the epoch, its secret and the counts under it. */
    private record Window(long index, SecretKeySpec secret, Map<String, AtomicInteger> counts) {
    }

    public UnlinkableCounter(int limit, Duration window, int maxTracked) {
        if (limit < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("a limit needs at least one call per positive period");
        }
        this.limit = limit;
        this.windowMillis = window.toMillis();
        this.maxTracked = maxTracked;
    }

    /** Counts one call by {@code person} at {@code now}; refused beyond the limit until the window ends. */
    public Verdict tryAcquire(String person, Instant now) {
        long index = Math.floorDiv(now.toEpochMilli(), windowMillis);
        Window window = window(index);
        String key = hmac(window.secret(), person);
        AtomicInteger count = window.counts().get(key);
        if (count == null) {
            if (window.counts().size() >= maxTracked) {
                return Verdict.ALLOWED; // under a flood of distinct people, forget rather than grow without bound
            }
            count = window.counts().computeIfAbsent(key, k -> new AtomicInteger());
        }
        if (count.getAndUpdate(n -> Math.min(n + 1, limit + 1)) < limit) {
            return Verdict.ALLOWED;
        }
        long untilNextWindow = (index + 1) * windowMillis - now.toEpochMilli();
        return Verdict.retryAfterNanos(untilNextWindow * 1_000_000L);
    }

    /** How many people the current window counts (for tests: all that is kept is this many opaque counts). */
    public int tracked() {
        Window window = current;
        return window == null ? 0 : window.counts().size();
    }

    /** What the current window keeps, keys and counts, exactly as held (for tests that it holds nothing linkable). */
    public Map<String, Integer> snapshot() {
        Window window = current;
        Map<String, Integer> copy = new java.util.TreeMap<>();
        if (window != null) {
            window.counts().forEach((key, count) -> copy.put(key, count.get()));
        }
        return copy;
    }

    private Window window(long index) {
        Window window = current;
        if (window != null && window.index() >= index) {
            return window;
        }
        synchronized (this) {
            window = current;
            if (window == null || window.index() < index) {
                byte[] secret = new byte[32];
                random.nextBytes(secret);
                window = new Window(index, new SecretKeySpec(secret, "HmacSHA256"), new ConcurrentHashMap<>());
                current = window; // the previous window, its secret and its counts are now garbage
            }
            return window;
        }
    }

    private static String hmac(SecretKeySpec secret, String person) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(person.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
