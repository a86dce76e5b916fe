package io.hrloop.feedback.api;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

import io.hrloop.common.api.DateParams;
import io.hrloop.common.domain.DomainException;

/** Query parameters parsed so that a bad value is a 400 problem that names it (not JAX-RS's 404). */
final class Params {

    private Params() {
    }

    /** A day within the years PostgreSQL and {@link DateParams} accept (Java reads year -999999999 too). */
    static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        LocalDate day;
        try {
            day = LocalDate.parse(value);
        } catch (RuntimeException e) {
            throw DomainException.invalid("invalid-parameter", name + " must be a date like 2026-01-31");
        }
        if (day.getYear() < DateParams.MIN_YEAR || day.getYear() > DateParams.MAX_YEAR) {
            throw DomainException.invalid("invalid-parameter", name + " must lie between the years "
                    + DateParams.MIN_YEAR + " and " + DateParams.MAX_YEAR);
        }
        return day;
    }

    static <E extends Enum<E>> E oneOf(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-parameter", name + " must be one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }
}
