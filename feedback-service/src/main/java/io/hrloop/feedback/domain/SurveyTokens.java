package io.hrloop.feedback.domain;

import java.security.SecureRandom;
import java.util.Base64;

/** Survey tokens: 256 random bits from a CSPRNG, URL-safe; nothing in them can be derived or guessed. */
public final class SurveyTokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{43}");

    private SurveyTokens() {
    }

    public static String next() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** A token of another shape cannot exist; it is rejected before any lookup. */
    public static boolean wellFormed(String token) {
        return token != null && SHAPE.matcher(token).matches();
    }
}
