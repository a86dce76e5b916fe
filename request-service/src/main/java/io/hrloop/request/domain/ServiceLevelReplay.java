package io.hrloop.request.domain;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/**
 * Recomputes the service-level state of a request from its audit history alone: the targets recorded
 * at submission, every status change, the first response, the notifications the scheduler recorded, the
 * re-plans onto another calendar revision (a calendar edited, or a re-triage to a type of another calendar)
 * and new targets of a re-triage. Each stretch is counted under the calendar revision in force for the request
 * at that moment, as the history records it. It must come to exactly the live state; a difference means the
 * live state was corrupted.
 */
public final class ServiceLevelReplay {

    public static final String FIELD_TARGETS = "serviceLevel.targets";
    public static final String FIELD_STATUS = "status";
    public static final String FIELD_FIRST_RESPONSE = "firstResponse";
    public static final String FIELD_FIRST_RESPONSE_LEVEL = "serviceLevel.firstResponse";
    public static final String FIELD_RESOLUTION_LEVEL = "serviceLevel.resolution";
    /** The plan moved to another calendar revision: {@code before} and {@code after} are {@link CalendarRef}s. */
    public static final String FIELD_CALENDAR = "serviceLevel.calendar";
    /** New targets of a re-triage, {@code "<firstResponseMinutes>/<resolutionMinutes>"} before and after. */
    public static final String FIELD_RETARGET = "serviceLevel.retarget";
    public static final String AT_RISK = "AT_RISK";
    public static final String BREACHED = "BREACHED";

    /** One fact of the history, as the audit table holds it. */
    public record Fact(Instant at, String field, String before, String after) {
    }

    /** The targets recorded at submission: {@code "<firstResponseMinutes>/<resolutionMinutes>"} in {@code after}. */
    public static String targets(int firstResponseMinutes, int resolutionMinutes) {
        return firstResponseMinutes + "/" + resolutionMinutes;
    }

    private ServiceLevelReplay() {
    }

    /** A history on one calendar revision throughout. */
    public static ServiceLevels replay(List<Fact> history, BusinessHours hours, double riskShare) {
        return replay(history, new CalendarRef("calendar", 1), ref -> hours, riskShare);
    }

    /**
     * @param current the calendar revision the request's live plan uses now; the revision it started with is
     *                the {@code before} of its first re-plan, or this one when it was never re-planned
     * @param calendars the business hours of every revision the history names
     */
    public static ServiceLevels replay(List<Fact> history, CalendarRef current,
            Function<CalendarRef, BusinessHours> calendars, double riskShare) {
        CalendarRef calendar = history.stream().filter(f -> FIELD_CALENDAR.equals(f.field())).findFirst()
                .map(f -> CalendarRef.parse(f.before())).orElse(current);
        BusinessHours hours = calendars.apply(calendar);
        ServiceLevels levels = null;
        for (Fact fact : history) {
            if (FIELD_TARGETS.equals(fact.field())) {
                int[] minutes = minutes(fact.after());
                levels = ServiceLevels.start(minutes[0], minutes[1], fact.at(), hours, riskShare);
                continue;
            }
            if (levels == null) {
                continue;
            }
            switch (fact.field()) {
                case FIELD_STATUS -> levels = levels.onStatusChange(RequestStatus.valueOf(fact.before()),
                        RequestStatus.valueOf(fact.after()), fact.at(), hours, riskShare);
                case FIELD_CALENDAR -> {
                    calendar = CalendarRef.parse(fact.after());
                    BusinessHours next = calendars.apply(calendar);
                    levels = levels.recalendar(fact.at(), hours, next, riskShare);
                    hours = next;
                }
                case FIELD_RETARGET -> {
                    int[] minutes = minutes(fact.after());
                    levels = levels.retarget(minutes[0], minutes[1], fact.at(), hours, riskShare);
                }
                case FIELD_FIRST_RESPONSE -> levels = levels.onFirstResponse(fact.at(), hours);
                case FIELD_FIRST_RESPONSE_LEVEL -> levels = notified(levels, SlaTarget.FIRST_RESPONSE, fact.after());
                case FIELD_RESOLUTION_LEVEL -> levels = notified(levels, SlaTarget.RESOLUTION, fact.after());
                default -> {
                }
            }
        }
        if (levels == null) {
            throw new IllegalArgumentException("the history has no service-level targets");
        }
        return levels;
    }

    private static int[] minutes(String targets) {
        String[] parts = targets.split("/");
        return new int[] { Integer.parseInt(parts[0]), Integer.parseInt(parts[1]) };
    }

    private static ServiceLevels notified(ServiceLevels levels, SlaTarget target, String what) {
        SlaTimer timer = levels.get(target);
        if (AT_RISK.equals(what)) {
            return levels.with(target, timer.markAtRiskNotified());
        }
        if (BREACHED.equals(what)) {
            return levels.with(target, timer.markBreachNotified());
        }
        return levels;
    }
}
