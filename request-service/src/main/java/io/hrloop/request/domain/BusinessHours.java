package io.hrloop.request.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.hrloop.common.domain.DomainException;

/**
 * The business-hours clock of one calendar: working periods per weekday in local time, holidays, and
 * a time zone. Durations are real elapsed time inside working periods, so a period that spans a
 * daylight-saving change counts the hours that really passed, and a local time that does not exist
 * (a spring-forward gap) counts from the moment the clocks jumped.
 */
public final class BusinessHours {

    /**
     * Upper bound of the day-by-day walk: a target must be reached within this many days, whatever the
     * calendar. Calendars and request types are checked against it when they are defined ({@link #reaches}).
     */
    public static final int MAX_DAYS = 3 * 366;

    private final ZoneId zone;
    private final Map<DayOfWeek, List<Period>> week;
    private final Set<LocalDate> holidays;

    /** One working period of a day in local time; {@code end} of 24:00 is written as minute 1440. */
    public record Period(int startMinute, int endMinute) {

        public Period {
            if (startMinute < 0 || endMinute > 1440 || startMinute >= endMinute) {
                throw new IllegalArgumentException("a working period must start before it ends, within the day");
            }
        }

        /** Parses {@code "09:00"} to {@code "17:00"}; {@code "24:00"} is allowed as an end. */
        public static Period parse(String start, String end) {
            return new Period(minuteOf(start, false), minuteOf(end, true));
        }

        public String start() {
            return format(startMinute);
        }

        public String end() {
            return format(endMinute);
        }

        private static int minuteOf(String text, boolean end) {
            if (text == null) {
                throw new IllegalArgumentException("working period times are required (HH:mm)");
            }
            if (end && text.equals("24:00")) {
                return 1440;
            }
            try {
                LocalTime time = LocalTime.parse(text);
                if (time.getSecond() != 0 || time.getNano() != 0 || text.length() != 5) {
                    throw new IllegalArgumentException();
                }
                return time.getHour() * 60 + time.getMinute();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("'" + text + "' is not a time of day as HH:mm");
            }
        }

        private static String format(int minute) {
            return String.format("%02d:%02d", minute / 60, minute % 60);
        }
    }

    private BusinessHours(ZoneId zone, Map<DayOfWeek, List<Period>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = week;
        this.holidays = holidays;
    }

    /**
     * A validated calendar: periods of a day must not overlap and the week needs some working time.
     *
     * @throws IllegalArgumentException with a message for the client when the calendar is unusable
     */
    public static BusinessHours of(ZoneId zone, Map<DayOfWeek, List<Period>> week, Set<LocalDate> holidays) {
        Map<DayOfWeek, List<Period>> sorted = new EnumMap<>(DayOfWeek.class);
        boolean anyWork = false;
        for (DayOfWeek day : DayOfWeek.values()) {
            List<Period> periods = new ArrayList<>(week.getOrDefault(day, List.of()));
            periods.sort(Comparator.comparingInt(Period::startMinute));
            for (int i = 1; i < periods.size(); i++) {
                if (periods.get(i).startMinute() < periods.get(i - 1).endMinute()) {
                    throw new IllegalArgumentException("working periods of " + day + " overlap");
                }
            }
            anyWork |= !periods.isEmpty();
            sorted.put(day, List.copyOf(periods));
        }
        if (!anyWork) {
            throw new IllegalArgumentException("a calendar needs working hours on at least one weekday");
        }
        return new BusinessHours(zone, sorted, Set.copyOf(new TreeSet<>(holidays)));
    }

    public ZoneId zone() {
        return zone;
    }

    /** The moment when {@code businessTime} of working time has passed after {@code start}. */
    public Instant add(Instant start, Duration businessTime) {
        long remaining = businessTime.getSeconds();
        if (remaining <= 0) {
            return start;
        }
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1)) {
            for (Period period : periodsOn(day)) {
                Instant periodEnd = at(day, period.endMinute());
                if (!periodEnd.isAfter(start)) {
                    continue;
                }
                Instant periodStart = at(day, period.startMinute());
                Instant from = periodStart.isBefore(start) ? start : periodStart;
                long available = Duration.between(from, periodEnd).getSeconds();
                if (available >= remaining) {
                    return from.plusSeconds(remaining);
                }
                remaining -= available;
            }
        }
        throw DomainException.unprocessable("target-unreachable", "the calendar has too little working time to count "
                + businessTime.toMinutes() + " business minutes within " + MAX_DAYS + " days from " + start
                + "; an hr-admin must give the calendar more working hours or the type a shorter target");
    }

    /**
     * Whether {@code businessTime} can be counted from any moment of the {@link #MAX_DAYS} days from
     * {@code firstDay} on (so that {@link #add} never runs out of days for a submission in that time). The
     * day a count starts on is not counted at all, which errs on the safe side.
     */
    public boolean reaches(LocalDate firstDay, Duration businessTime) {
        long needed = businessTime.getSeconds();
        int window = MAX_DAYS - 1;
        long[] sum = new long[MAX_DAYS + window + 1];
        LocalDate day = firstDay;
        for (int i = 0; i < MAX_DAYS + window; i++, day = day.plusDays(1)) {
            sum[i + 1] = sum[i] + workingSeconds(day);
        }
        for (int start = 0; start < MAX_DAYS; start++) {
            if (sum[start + 1 + window] - sum[start + 1] < needed) {
                return false;
            }
        }
        return true;
    }

    private long workingSeconds(LocalDate day) {
        long seconds = 0;
        for (Period period : periodsOn(day)) {
            seconds += Duration.between(at(day, period.startMinute()), at(day, period.endMinute())).getSeconds();
        }
        return seconds;
    }

    /** Working time between two moments; zero when {@code to} is not after {@code from}. */
    public Duration between(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        long seconds = 0;
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            for (Period period : periodsOn(day)) {
                Instant start = max(at(day, period.startMinute()), from);
                Instant end = min(at(day, period.endMinute()), to);
                if (end.isAfter(start)) {
                    seconds += Duration.between(start, end).getSeconds();
                }
            }
        }
        return Duration.ofSeconds(seconds);
    }

    private List<Period> periodsOn(LocalDate day) {
        return holidays.contains(day) ? List.of() : week.get(day.getDayOfWeek());
    }

    /** The instant of a local time; a time in a spring-forward gap maps to the moment the clocks jumped. */
    private Instant at(LocalDate day, int minuteOfDay) {
        if (minuteOfDay == 1440) {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        }
        LocalDateTime local = LocalDateTime.of(day, LocalTime.of(minuteOfDay / 60, minuteOfDay % 60));
        ZoneRules rules = zone.getRules();
        if (rules.getValidOffsets(local).isEmpty()) {
            ZoneOffsetTransition gap = rules.getTransition(local);
            return gap.getInstant();
        }
        // In an autumn overlap the earlier offset is taken: the first time the wall clock shows it.
        return local.atZone(zone).toInstant();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
