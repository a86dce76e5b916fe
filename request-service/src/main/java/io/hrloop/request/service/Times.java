package io.hrloop.request.service;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** "Now" for the whole service, from the injectable clock, at the precision PostgreSQL keeps. */
@ApplicationScoped
public class Times {

    private final Clock clock;

    public Times(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public OffsetDateTime nowUtc() {
        return now().atOffset(ZoneOffset.UTC);
    }
}
