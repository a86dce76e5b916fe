package io.hrloop.testsupport.access;

/** What a caller gets from one operation on one object: one cell of the access table in the README. */
public enum Outcome {
    /** A 2xx answer; in a list, the object is listed. Written {@code ✓}. */
    ALLOWED("✓"),
    /** 401: no or no valid bearer token. */
    UNAUTHENTICATED("401"),
    /** 403: the role may not use the operation at all. */
    FORBIDDEN("403"),
    /** 404: the object is not the caller's to see (PRODUCT.md: another person's data is 404, not 403); in a list, absent. */
    NOT_FOUND("404");

    private final String symbol;

    Outcome(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    public static Outcome parse(String text) {
        String t = text.strip();
        for (Outcome o : values()) {
            if (o.symbol.equals(t)) {
                return o;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an access outcome (✓, 401, 403 or 404)");
    }

    /** The outcome an HTTP status stands for, or null for any other status (a mismatch whatever the table says). */
    public static Outcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return ALLOWED;
        }
        return switch (status) {
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            default -> null;
        };
    }
}
