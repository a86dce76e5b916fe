package io.hrloop.common.api;

import io.hrloop.common.domain.DomainException;

/**
 * Weak-free version tags: {@code "<version>"}. A stale If-Match is 412, never a lost update. Replacing (PUT) or
 * patching (PATCH) an existing resource goes through {@link #require}: without If-Match the answer is 428, so a
 * client that never read the resource cannot overwrite someone else's change. Actions (POST) that accept If-Match
 * as an optional guard use {@link #check}.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** A replace or patch: If-Match is required (428 without it) and must name the current version (412 otherwise). */
    public static void require(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw DomainException.versionRequired("send If-Match with the ETag you read; a replace or patch without it "
                    + "could overwrite someone else's change");
        }
        check(ifMatch, currentVersion);
    }

    /** An action's optional guard: a missing header is allowed; a present one must name the current version. */
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
