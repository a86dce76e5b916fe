package io.hrloop.feedback.domain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Whether a resolved request is surveyed at its type's sampling rate. The draw is derived from the
 * request id, so it is uniform across requests, the same on every replica and for every redelivery,
 * and a request resolved again after a reopen gets the same answer.
 */
public final class Sampling {

    private Sampling() {
    }

    public static boolean sampled(UUID requestId, double rate) {
        if (rate >= 1.0) {
            return true;
        }
        if (rate <= 0.0) {
            return false;
        }
        return draw(requestId) < rate;
    }

    /** A number in [0, 1) from the request id. */
    static double draw(UUID requestId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(requestId.toString().getBytes(StandardCharsets.UTF_8));
            long bits = ByteBuffer.wrap(digest).getLong() >>> 11; // 53 random bits
            return bits / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
