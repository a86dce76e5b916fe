package io.hrloop.request.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.Channel;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Lifecycle;
import io.hrloop.request.domain.Priority;
import io.hrloop.request.domain.RequestStatus;
import io.hrloop.request.domain.ServiceLevels;
import io.hrloop.request.domain.SlaOutcome;
import io.hrloop.request.domain.SlaTimer;

@Schema(name = "Request")
public record RequestView(UUID id, String reference, String type, String category, String subject, String description,
        Priority priority, Channel channel, RequestStatus status, String requester,
        @Schema(nullable = true, description = "Whom a manager or service filed it for, if not the requester") String onBehalfOf,
        String owner,
        String team, boolean confidential, OffsetDateTime createdAt, OffsetDateTime updatedAt,
        OffsetDateTime resolvedAt, OffsetDateTime closedAt, long version,
        @Schema(description = "Statuses the lifecycle allows next (who may take them depends on the role)")
        List<RequestStatus> allowedTransitions,
        ServiceLevelView serviceLevel) {

    static RequestView from(HrRequest r, BusinessHours hours, Instant now) {
        return new RequestView(r.id, r.reference, r.typeKey, r.category, r.subject, r.description, r.priority, r.channel,
                r.status, r.requester, r.onBehalfOf, r.owner, r.team, r.confidential, r.createdAt, r.updatedAt,
                r.resolvedAt, r.closedAt, r.version, List.copyOf(Lifecycle.next(r.status)),
                ServiceLevelView.from(r.calendarKey, r.serviceLevels(), hours, now));
    }

    @Schema(name = "ServiceLevel", description = "Due times are shown in the calendar's zone; minutes are business minutes")
    public record ServiceLevelView(String calendar, OffsetDateTime firstResponseDue, OffsetDateTime resolutionDue,
            @Schema(description = "The resolution clock is paused while HR waits on the customer") boolean paused,
            boolean atRisk, boolean breached, TimerView firstResponse, TimerView resolution) {

        static ServiceLevelView from(String calendar, ServiceLevels levels, BusinessHours hours, Instant now) {
            TimerView fr = TimerView.from(levels.firstResponse(), hours, now);
            TimerView res = TimerView.from(levels.resolution(), hours, now);
            return new ServiceLevelView(calendar, fr.dueAt(), res.dueAt(), fr.paused() || res.paused(),
                    fr.atRisk() || res.atRisk(), fr.outcome() == SlaOutcome.BREACHED || res.outcome() == SlaOutcome.BREACHED,
                    fr, res);
        }
    }

    @Schema(name = "ServiceLevelTarget")
    public record TimerView(int targetMinutes, OffsetDateTime dueAt, long elapsedMinutes, boolean paused,
            OffsetDateTime completedAt,
            @Schema(description = "ATTAINED or BREACHED once decided; BREACHED as soon as a running target is past due")
            SlaOutcome outcome, boolean atRisk) {

        static TimerView from(SlaTimer t, BusinessHours hours, Instant now) {
            return new TimerView(t.targetMinutes(), local(t.dueAt(), hours), t.elapsedSecondsAt(now, hours) / 60,
                    t.paused(), local(t.completedAt(), hours), t.outcomeAt(now), t.atRisk(now));
        }

        private static OffsetDateTime local(Instant instant, BusinessHours hours) {
            return instant == null ? null : instant.atZone(hours.zone()).toOffsetDateTime();
        }
    }
}
