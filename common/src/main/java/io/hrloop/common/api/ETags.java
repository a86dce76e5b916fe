package io.hrloop.common.api;

import io.hrloop.common.domain.DomainException;

/** Weak-free version tags: {@code "<version>"}. A stale If-Match is 412, never a lost update. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Checks {@code If-Match} against the current version; a missing header is allowed (last writer checked by version). */
    public static void check(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.trim().equals("*")) {
            return;
        }
        String expected = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals(expected)) {
                return;
            }
        }
        throw DomainException.stale(
                "the resource is at version " + currentVersion + ", not the one in If-Match; read it again and retry")
                .with("currentVersion", currentVersion);
    }
}
