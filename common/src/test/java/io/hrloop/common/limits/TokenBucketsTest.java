package io.hrloop.common.limits;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The token buckets of the write and survey-token limits. */
class TokenBucketsTest {

    @Test
    void aKeyMayUseItsCapacityThenWaitsForTheRefill() {
        TokenBuckets buckets = new TokenBuckets(5, Duration.ofMinutes(1), 100);
        for (int i = 0; i < 5; i++) {
            assertTrue(buckets.tryAcquire("client-a").allowed());
        }
        Verdict refused = buckets.tryAcquire("client-a");
        assertFalse(refused.allowed());
        assertTrue(refused.retryAfterSeconds() >= 1 && refused.retryAfterSeconds() <= 12,
                "one call back every 12 s: " + refused.retryAfterSeconds());
        assertTrue(buckets.tryAcquire("client-b").allowed());
    }
}
