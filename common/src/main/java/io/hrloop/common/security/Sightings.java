package io.hrloop.common.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a replica remembers of the callers it has recorded (request-service's staff register, feedback-service's
 * contacts): a caller's token is written down at most once an {@link #REWRITE_AFTER hour} while what it says
 * stays the same (its fingerprint), at once when it changes; after a write that failed on the database, no
 * sighting is written for {@link #PAUSE_AFTER_FAILURE} so that calls never wait on a database that does not
 * answer. Keeps at most {@link #MAX_REMEMBERED} callers (then starts over).
 */
public final class Sightings {

    /** How long a replica trusts that what it last wrote of a person is still in place. */
    public static final Duration REWRITE_AFTER = Duration.ofHours(1);
    static final int MAX_REMEMBERED = 10_000;
    static final Duration PAUSE_AFTER_FAILURE = Duration.ofSeconds(30);

    private record Written(String fingerprint, Instant at) {
    }

    private final Map<String, Written> written = new ConcurrentHashMap<>();
    private volatile Instant pausedUntil = Instant.MIN;

    /** Whether this sighting must be written now; if so, it counts as written (call {@link #failed} if not). */
    public boolean due(String personId, String fingerprint, Instant now) {
        Written last = written.get(personId);
        boolean fresh = last != null && last.fingerprint().equals(fingerprint) && !now.isBefore(last.at())
                && now.isBefore(last.at().plus(REWRITE_AFTER));
        if (fresh || now.isBefore(pausedUntil)) {
            return false;
        }
        if (written.size() > MAX_REMEMBERED) {
            written.clear();
        }
        written.put(personId, new Written(fingerprint, now));
        return true;
    }

    /** The write did not happen; when the database was the cause, sightings pause for a while. */
    public void failed(String personId, Instant now, boolean databaseTrouble) {
        written.remove(personId);
        if (databaseTrouble) {
            pausedUntil = now.plus(PAUSE_AFTER_FAILURE);
        }
    }

    /** Forgets a person (after an erasure, their next call is a new sighting). */
    public void forget(String personId) {
        written.remove(personId);
    }
}
