package io.hrloop.request.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BusinessHoursTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    static BusinessHours officeHours(Set<LocalDate> holidays, String... period) {
        Map<DayOfWeek, List<BusinessHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            week.put(day, periods(period.length == 0 ? new String[] { "09:00", "17:00" } : period));
        }
        return BusinessHours.of(BERLIN, week, holidays);
    }

    static BusinessHours everyDay(String... period) {
        Map<DayOfWeek, List<BusinessHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, periods(period));
        }
        return BusinessHours.of(BERLIN, week, Set.of());
    }

    static List<BusinessHours.Period> periods(String... bounds) {
        List<BusinessHours.Period> list = new java.util.ArrayList<>();
        for (int i = 0; i < bounds.length; i += 2) {
            list.add(BusinessHours.Period.parse(bounds[i], bounds[i + 1]));
        }
        return list;
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    static ZonedDateTime local(Instant instant) {
        return instant.atZone(BERLIN);
    }

    @Test
    void fridayAfternoonPlusFourHoursIsMondayHalfPastTwelve() {
        Instant due = officeHours(Set.of()).add(berlin("2026-11-20T16:30"), Duration.ofMinutes(240));
        assertEquals(berlin("2026-11-23T12:30"), due);
        assertEquals(DayOfWeek.MONDAY, local(due).getDayOfWeek());
    }

    @Test
    void withinOneWorkingDay() {
        assertEquals(berlin("2026-11-24T13:15"), officeHours(Set.of()).add(berlin("2026-11-24T10:15"), Duration.ofHours(3)));
    }

    @Test
    void startOutsideWorkingHoursCountsFromTheNextOpening() {
        BusinessHours hours = officeHours(Set.of());
        assertEquals(berlin("2026-11-23T10:00"), hours.add(berlin("2026-11-21T11:00"), Duration.ofHours(1)), "Saturday");
        assertEquals(berlin("2026-11-24T10:00"), hours.add(berlin("2026-11-24T06:00"), Duration.ofHours(1)), "early");
        assertEquals(berlin("2026-11-25T10:00"), hours.add(berlin("2026-11-24T19:00"), Duration.ofHours(1)), "late");
    }

    @Test
    void targetEndingExactlyAtClosingIsDueAtClosing() {
        assertEquals(berlin("2026-11-20T17:00"), officeHours(Set.of()).add(berlin("2026-11-20T16:30"), Duration.ofMinutes(30)));
    }

    @Test
    void zeroTargetIsDueAtOnce() {
        Instant start = berlin("2026-11-21T11:00");
        assertEquals(start, officeHours(Set.of()).add(start, Duration.ZERO));
    }

    @Test
    void holidaysHaveNoWorkingTime() {
        BusinessHours hours = officeHours(Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));
        // Wednesday 23 December 16:00 + 2h: one hour on Wednesday, the next on Monday 28 December.
        assertEquals(berlin("2026-12-28T10:00"), hours.add(berlin("2026-12-23T16:00"), Duration.ofHours(2)));
        assertEquals(Duration.ofHours(2), hours.between(berlin("2026-12-23T16:00"), berlin("2026-12-28T10:00")));
        assertEquals(Duration.ZERO, hours.between(berlin("2026-12-24T08:00"), berlin("2026-12-27T20:00")));
    }

    @Test
    void daysWithoutWorkingHoursAreSkipped() {
        Map<DayOfWeek, List<BusinessHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        week.put(DayOfWeek.WEDNESDAY, periods("09:00", "12:00"));
        week.put(DayOfWeek.SUNDAY, List.of());
        BusinessHours wednesdays = BusinessHours.of(BERLIN, week, Set.of());
        assertEquals(berlin("2026-12-02T10:00"), wednesdays.add(berlin("2026-11-26T10:00"), Duration.ofHours(1)));
        assertEquals(Duration.ofHours(3), wednesdays.between(berlin("2026-11-25T10:00"), berlin("2026-12-02T10:00")));
    }

    @Test
    void breaksBetweenPeriodsDoNotCount() {
        BusinessHours hours = officeHours(Set.of(), "09:00", "12:00", "13:00", "17:00");
        assertEquals(berlin("2026-11-24T13:30"), hours.add(berlin("2026-11-24T11:30"), Duration.ofMinutes(60)));
        assertEquals(Duration.ofMinutes(60), hours.between(berlin("2026-11-24T11:30"), berlin("2026-11-24T13:30")));
    }

    @Test
    void springForwardDayHasTwentyThreeRealHours() {
        BusinessHours always = everyDay("00:00", "24:00");
        assertEquals(Duration.ofHours(23), always.between(berlin("2026-03-29T00:00"), berlin("2026-03-30T00:00")));
        // Saturday 23:00 CET + 4 real hours is Sunday 04:00 CEST: 02:00-03:00 never happened.
        Instant due = always.add(berlin("2026-03-28T23:00"), Duration.ofHours(4));
        assertEquals(Instant.parse("2026-03-29T02:00:00Z"), due);
        assertEquals(4, local(due).getHour());
    }

    @Test
    void fallBackDayHasTwentyFiveRealHours() {
        BusinessHours always = everyDay("00:00", "24:00");
        assertEquals(Duration.ofHours(25), always.between(berlin("2026-10-25T00:00"), berlin("2026-10-26T00:00")));
        Instant due = always.add(berlin("2026-10-25T00:00"), Duration.ofHours(4));
        assertEquals(Instant.parse("2026-10-25T02:00:00Z"), due);
        assertEquals(3, local(due).getHour(), "02:00-03:00 is lived twice");
    }

    @Test
    void nightShiftAcrossTheChangeCountsRealTimeInBothDirections() {
        BusinessHours nights = everyDay("01:00", "04:00");
        assertEquals(Duration.ofHours(2), nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T12:00")));
        assertEquals(Duration.ofHours(4), nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T12:00")));
        BusinessHours inTheGap = everyDay("02:00", "02:30", "10:00", "11:00");
        assertEquals(Duration.ofHours(1), inTheGap.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T23:00")),
                "a period that does not exist on the wall clock has no working time");
    }

    @Test
    void officeHoursAcrossTheChangeKeepLocalOpeningTimes() {
        BusinessHours hours = officeHours(Set.of());
        assertEquals(berlin("2026-03-30T10:00"), hours.add(berlin("2026-03-27T16:00"), Duration.ofHours(2)));
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), hours.add(berlin("2026-03-27T16:00"), Duration.ofHours(2)));
        assertEquals(berlin("2026-10-26T10:00"), hours.add(berlin("2026-10-23T16:00"), Duration.ofHours(2)));
        assertEquals(Instant.parse("2026-10-26T09:00:00Z"), hours.add(berlin("2026-10-23T16:00"), Duration.ofHours(2)));
    }

    @Test
    void betweenIsTheInverseOfAdd() {
        BusinessHours hours = officeHours(Set.of(LocalDate.parse("2026-12-25")), "08:30", "12:00", "12:45", "17:15");
        Instant start = berlin("2026-10-20T07:13");
        for (int i = 0; i < 200; i++) {
            Instant from = start.plus(Duration.ofMinutes(97L * i));
            Duration amount = Duration.ofMinutes(37L * (i % 50) + 1);
            assertEquals(amount, hours.between(from, hours.add(from, amount)), "from " + local(from));
        }
    }

    @Test
    void betweenIsZeroBackwards() {
        assertEquals(Duration.ZERO, officeHours(Set.of()).between(berlin("2026-11-24T12:00"), berlin("2026-11-24T10:00")));
    }

    @Test
    void unusableCalendarsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.of(BERLIN, Map.of(), Set.of()));
        assertThrows(IllegalArgumentException.class,
                () -> BusinessHours.of(BERLIN, Map.of(DayOfWeek.MONDAY, periods("09:00", "12:00", "11:00", "14:00")), Set.of()));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.Period.parse("17:00", "09:00"));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.Period.parse("24:00", "24:00"));
        assertThrows(IllegalArgumentException.class, () -> BusinessHours.Period.parse("9:00", "17:00"));
        assertEquals("24:00", BusinessHours.Period.parse("18:00", "24:00").end());
    }
}
