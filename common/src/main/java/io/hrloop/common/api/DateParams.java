package io.hrloop.common.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import io.hrloop.common.domain.DomainException;

/**
 * Date and date-time query parameters ({@code createdFrom}, {@code from}, ...). Java reads years far beyond
 * what PostgreSQL stores (year 300000, year -5000), so every value is bounded to the years 1..9999 in UTC
 * here, before it reaches a query: outside that it is a 400 that names the parameter, never a 500.
 */
public final class DateParams {

    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private DateParams() {
    }

    /**
     * An ISO-8601 date-time ({@code 2026-11-01T00:00:00Z}) or date ({@code 2026-11-01}, midnight UTC); null
     * when absent or blank.
     */
    public static OffsetDateTime dateTime(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime parsed;
        try {
            parsed = value.length() <= 11 ? LocalDate.parse(value).atStartOfDay().atOffset(ZoneOffset.UTC)
                    : OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name, "must be a date-time such as 2026-11-01T00:00:00Z or a date such as 2026-11-01");
        }
        int year = parsed.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw invalid(name, "must lie between the years " + MIN_YEAR + " and " + MAX_YEAR);
        }
        return parsed;
    }

    /** True when {@code value} lies in the years this helper accepts (for values read from elsewhere, e.g. cursors). */
    public static boolean inRange(OffsetDateTime value) {
        int year = value.withOffsetSameInstant(ZoneOffset.UTC).getYear();
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    private static DomainException invalid(String name, String message) {
        return DomainException.invalid("invalid-filter", name + " " + message)
                .with("errors", List.of(Map.of("field", name, "message", message)));
    }
}
