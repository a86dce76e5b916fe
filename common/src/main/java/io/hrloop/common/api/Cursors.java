package io.hrloop.common.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.hrloop.common.problem.ProblemException;

/** Opaque cursors: the sort key and id of the last item seen, base64url-encoded. */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    public static String[] decode(String cursor, int expectedParts) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != expectedParts) {
                throw new IllegalArgumentException();
            }
            return parts;
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this service issued");
        }
    }

    /** Clamps a requested page size. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw ProblemException.badRequest("invalid-limit", "limit must be between 1 and " + max);
        }
        return requested;
    }
}
