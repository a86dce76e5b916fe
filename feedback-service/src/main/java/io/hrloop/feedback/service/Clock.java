package io.hrloop.feedback.service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Times as this service stores them: UTC, microsecond precision (PostgreSQL's). */
public final class Clock {

    private Clock() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    public static LocalDate today() {
        return LocalDate.now(ZoneOffset.UTC);
    }
}
