package io.hrloop.common.time;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/** "Now" for a whole service, from the injected {@link Clock}, at the precision PostgreSQL keeps (microseconds). */
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

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    /** Midnight UTC of today: the only time anonymous contributions carry. */
    public OffsetDateTime startOfToday() {
        return today().atStartOfDay().atOffset(ZoneOffset.UTC);
    }
}
