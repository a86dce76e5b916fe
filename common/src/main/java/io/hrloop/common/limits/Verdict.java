package io.hrloop.common.limits;

/** Whether a call may go ahead, and if not, after how many whole seconds a retry may succeed. */
public record Verdict(boolean allowed, long retryAfterSeconds) {

    public static final Verdict ALLOWED = new Verdict(true, 0);

    /** Refused; {@code nanos} rounded up to whole seconds, at least one. */
    public static Verdict retryAfterNanos(long nanos) {
        return new Verdict(false, Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L));
    }
}
