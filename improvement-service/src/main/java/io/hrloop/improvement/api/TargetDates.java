package io.hrloop.improvement.api;

import java.time.LocalDate;

/** The target dates an item may have: plausible plans, and always within what the database stores. */
final class TargetDates {

    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private TargetDates() {
    }

    static boolean plausible(LocalDate date) {
        return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
    }
}
