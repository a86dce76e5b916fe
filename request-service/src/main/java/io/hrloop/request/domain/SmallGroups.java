package io.hrloop.request.domain;

import java.time.DayOfWeek;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * The periods of the service-level report are whole ISO weeks in UTC. Together with leaving every small
 * cell (request type × team × week) out of every figure, this makes any difference of two reports a sum of
 * whole cells that each have at least the minimum of requests: overlapping date ranges, a team against its
 * types, a month against its weeks cannot isolate a small group.
 */
public final class SmallGroups {

    private SmallGroups() {
    }

    /** Monday 00:00 UTC of the ISO week that holds {@code time}. */
    public static OffsetDateTime weekFloor(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** {@code time} when it is a Monday 00:00 UTC, otherwise the next one. */
    public static OffsetDateTime weekCeiling(OffsetDateTime time) {
        OffsetDateTime floor = weekFloor(time);
        return floor.toInstant().equals(time.toInstant()) ? floor : floor.plusWeeks(1);
    }
}
