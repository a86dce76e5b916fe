package io.hrloop.common.security;

import java.util.regex.Pattern;

/** What the services accept as a person's mail address (from a token, or named by an integration). */
public final class MailAddresses {

    /** One local part, one {@code @}, a domain; no spaces, no control characters, at most 320 characters. */
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s\\p{Cntrl}<>,;\"]+@[^@\\s\\p{Cntrl}<>,;\"]+");

    private MailAddresses() {
    }

    /** {@code address} stripped when usable, else null. */
    public static String usable(String address) {
        if (address == null) {
            return null;
        }
        String stripped = address.strip();
        return stripped.length() <= 320 && ADDRESS.matcher(stripped).matches() ? stripped : null;
    }
}
