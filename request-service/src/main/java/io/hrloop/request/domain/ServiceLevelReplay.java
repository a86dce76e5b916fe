package io.hrloop.request.domain;

import java.time.Instant;
import java.util.List;

/**
 * Recomputes the service-level state of a request from its audit history alone: the targets recorded
 * at submission, every status change, the first response, and the notifications the scheduler
 * recorded. It must come to exactly the live state; a difference means the live state was corrupted.
 */
public final class ServiceLevelReplay {

    public static final String FIELD_TARGETS = "serviceLevel.targets";
    public static final String FIELD_STATUS = "status";
    public static final String FIELD_FIRST_RESPONSE = "firstResponse";
    public static final String FIELD_FIRST_RESPONSE_LEVEL = "serviceLevel.firstResponse";
    public static final String FIELD_RESOLUTION_LEVEL = "serviceLevel.resolution";
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

    public static ServiceLevels replay(List<Fact> history, BusinessHours hours, double riskShare) {
        ServiceLevels levels = null;
        for (Fact fact : history) {
            if (FIELD_TARGETS.equals(fact.field())) {
                String[] minutes = fact.after().split("/");
                levels = ServiceLevels.start(Integer.parseInt(minutes[0]), Integer.parseInt(minutes[1]), fact.at(),
                        hours, riskShare);
                continue;
            }
            if (levels == null) {
                continue;
            }
            switch (fact.field()) {
                case FIELD_STATUS -> levels = levels.onStatusChange(RequestStatus.valueOf(fact.before()),
                        RequestStatus.valueOf(fact.after()), fact.at(), hours, riskShare);
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
