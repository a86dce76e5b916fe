package io.hrloop.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.hrloop.common.domain.DomainException;

/** The clock never searches without end, and a calendar too thin for a target is recognised up front. */
class BusinessHoursHorizonTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final LocalDate TODAY = LocalDate.parse("2026-11-23");

    /** One minute of work a week: Monday 09:00–09:01. */
    static BusinessHours oneMinuteAWeek(Set<LocalDate> holidays) {
        return BusinessHours.of(BERLIN, Map.of(DayOfWeek.MONDAY, List.of(BusinessHours.Period.parse("09:00", "09:01"))),
                holidays);
    }

    static BusinessHours mondays(Set<LocalDate> holidays) {
        return BusinessHours.of(BERLIN, Map.of(DayOfWeek.MONDAY, List.of(BusinessHours.Period.parse("09:00", "17:00"))),
                holidays);
    }

    @Test
    void aTargetBeyondTheHorizonIsADomainRefusalNotAnEndlessSearch() {
        BusinessHours thin = oneMinuteAWeek(Set.of());
        DomainException refused = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertThrows(
                DomainException.class, () -> thin.add(Instant.parse("2026-11-23T08:00:00Z"), Duration.ofMinutes(525_600))));
        assertEquals(DomainException.Kind.UNPROCESSABLE, refused.kind());
        assertEquals("target-unreachable", refused.code());
        assertEquals(Instant.parse("2026-11-30T08:01:00Z"),
                thin.add(Instant.parse("2026-11-23T08:00:00Z"), Duration.ofMinutes(2)), "within reach it still counts");
    }

    @Test
    void reachabilityIsJudgedOverTheWholeHorizon() {
        BusinessHours thin = oneMinuteAWeek(Set.of());
        assertTrue(thin.reaches(TODAY, Duration.ofMinutes(150)), "about 156 Mondays in three years");
        assertFalse(thin.reaches(TODAY, Duration.ofMinutes(525_600)));
        BusinessHours office = BusinessHoursTest.officeHours(Set.of());
        assertTrue(office.reaches(TODAY, Duration.ofMinutes(300_000)), "5,000 hours: 40-hour weeks give 6,240");
        assertFalse(office.reaches(TODAY, Duration.ofMinutes(525_600)), "8,760 hours of office time take four years");
    }

    @Test
    void holidaysThatEmptyAStretchOfTheHorizonMakeATargetUnreachable() {
        Set<LocalDate> everyMonday = new HashSet<>();
        for (LocalDate d = LocalDate.parse("2027-01-04"); d.isBefore(LocalDate.parse("2031-01-01")); d = d.plusWeeks(1)) {
            everyMonday.add(d);
        }
        BusinessHours noMondays = mondays(everyMonday);
        assertFalse(noMondays.reaches(TODAY, Duration.ofMinutes(480)), "a submission in 2027 could never be answered");
        assertThrows(DomainException.class, () -> noMondays.add(Instant.parse("2027-01-05T08:00:00Z"),
                Duration.ofMinutes(480)));
        assertTrue(mondays(Set.of()).reaches(TODAY, Duration.ofMinutes(480)));
    }
}
