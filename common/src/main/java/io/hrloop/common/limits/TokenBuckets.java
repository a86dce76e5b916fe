package io.hrloop.common.limits;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * One Bucket4j token bucket per key: {@code capacity} calls at once, refilled smoothly at {@code capacity} per
 * {@code period}. A bucket idle for a whole period is full again, so forgetting it then (and the least recently
 * used ones beyond {@code maxTracked}) changes no decision that matters.
 */
final class TokenBuckets {

    private final int capacity;
    private final Duration period;
    private final Cache<String, Bucket> buckets;

    TokenBuckets(int capacity, Duration period, int maxTracked) {
        if (capacity < 1 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a limit needs at least one call per positive period");
        }
        this.capacity = capacity;
        this.period = period;
        this.buckets = Caffeine.newBuilder().maximumSize(maxTracked).expireAfterAccess(period).build();
    }

    Verdict tryAcquire(String key) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, period)).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Verdict.ALLOWED : Verdict.retryAfterNanos(probe.getNanosToWaitForRefill());
    }
}
