package io.hrloop.common.api;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import io.hrloop.common.domain.DomainException;

/**
 * An opaque keyset cursor: the sort key(s) and id of the last item of a page, base64url-encoded. Reading a
 * cursor this service did not issue, or one of another list or sort, is a 400 {@code invalid-cursor}.
 */
public final class Cursor {

    private final String[] parts;

    private Cursor(String[] parts) {
        this.parts = parts;
    }

    /** Encodes values; times are written in UTC so that they compare as the database does. */
    public static String of(Object... values) {
        String[] parts = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            parts[i] = value instanceof OffsetDateTime time ? time.withOffsetSameInstant(ZoneOffset.UTC).toString()
                    : String.valueOf(value);
        }
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** Reads a cursor of {@code size} parts; null when there is none (the first page). */
    public static Cursor read(String cursor, int size) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", -1);
            if (parts.length != size) {
                throw invalid();
            }
            for (String part : parts) {
                // A forged cursor must not smuggle what the database refuses (NUL) into a query.
                if (part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                    throw invalid();
                }
            }
            return new Cursor(parts);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public String text(int index) {
        return parts[index];
    }

    /** Checks that the cursor belongs to this list (e.g. its sort order). */
    public Cursor expect(int index, String value) {
        if (!parts[index].equals(value)) {
            throw DomainException.invalid("invalid-cursor", "the cursor belongs to another list or sort order");
        }
        return this;
    }

    public OffsetDateTime time(int index) {
        OffsetDateTime time;
        try {
            time = OffsetDateTime.parse(parts[index]);
        } catch (RuntimeException e) {
            throw invalid();
        }
        if (!DateParams.inRange(time)) {
            throw invalid();
        }
        return time;
    }

    public LocalDate date(int index) {
        LocalDate date;
        try {
            date = LocalDate.parse(parts[index]);
        } catch (RuntimeException e) {
            throw invalid();
        }
        if (date.getYear() < DateParams.MIN_YEAR || date.getYear() > DateParams.MAX_YEAR) {
            throw invalid();
        }
        return date;
    }

    public UUID uuid(int index) {
        try {
            return UUID.fromString(parts[index]);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public long number(int index) {
        try {
            return Long.parseLong(parts[index]);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public double decimal(int index) {
        try {
            return Double.parseDouble(parts[index]);
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    private static DomainException invalid() {
        return DomainException.invalid("invalid-cursor", "the cursor is not one this service issued");
    }

    /** Clamps a requested page size. */
    public static int limit(Integer requested, int defaultLimit, int max) {
        if (requested == null) {
            return defaultLimit;
        }
        if (requested < 1 || requested > max) {
            throw DomainException.invalid("invalid-limit", "limit must be between 1 and " + max);
        }
        return requested;
    }
}
