package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.contract.RequestAssigned;
import io.hrloop.common.contract.RequestDeclined;
import io.hrloop.common.contract.RequestEvent;
import io.hrloop.common.contract.RequestFacts;
import io.hrloop.common.contract.RequestReopened;
import io.hrloop.common.contract.RequestResolved;
import io.hrloop.common.contract.RequestStatusChanged;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.CalendarRef;
import io.hrloop.request.domain.CalendarRevision;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Lifecycle;
import io.hrloop.request.domain.RequestDecline;
import io.hrloop.request.domain.RequestStatus;
import io.hrloop.request.domain.ServiceLevelReplay;
import io.hrloop.request.domain.ServiceLevels;
import io.hrloop.request.domain.SlaOutcome;
import io.hrloop.request.domain.SlaTarget;
import io.hrloop.request.domain.SlaTimer;

/**
 * Every change of a request's status and service-level state goes through here, inside the caller's
 * transaction: the lifecycle is checked, the timers move, the history is appended and the event is
 * written to the outbox. One event per change: hr.request.assigned, resolved, reopened or declined
 * where the contract has a specific type, hr.request.status-changed otherwise. Before anything happens to a
 * request whose calendar was edited since its plan was made, the plan is brought to the latest revision.
 */
@ApplicationScoped
public class Transitions {

    /** History fields of the due times a re-plan or re-triage moved (ISO instants before and after). */
    public static final String FIELD_FIRST_RESPONSE_DUE = "serviceLevel.firstResponseDue";
    public static final String FIELD_RESOLUTION_DUE = "serviceLevel.resolutionDue";

    private final CatalogService catalog;
    private final CalendarRevisions revisions;
    private final AuditLog audit;
    private final RequestEvents events;
    private final RequestConfig config;
    private final RequestMetrics metrics;
    private final RequestMail mail;

    public Transitions(CatalogService catalog, CalendarRevisions revisions, AuditLog audit, RequestEvents events,
            RequestConfig config, RequestMetrics metrics, RequestMail mail) {
        this.mail = mail;
        this.catalog = catalog;
        this.revisions = revisions;
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Brings the request's plan to the latest revision of its calendar and returns the business hours it now
     * counts with. Each newer revision takes over at the moment it came into force (or, for a clock that started
     * running later, from then), the time used until then counted under the revision before. Every step is a
     * history entry, so that the replay counts with the same revisions at the same moments. A plan with no clock
     * running (paused, decided) goes to the latest revision in one step: the revisions between count for nothing.
     */
    public BusinessHours current(HrRequest r, Instant now) {
        int latest = catalog.calendar(r.calendarKey).revision;
        BusinessHours hours = revisions.hours(r.calendar());
        while (r.calendarRevision < latest) {
            boolean running = r.serviceLevels().firstResponse().running() || r.serviceLevels().resolution().running();
            CalendarRevision next = revisions.revision(r.calendarKey, running ? r.calendarRevision + 1 : latest);
            Instant at = replanMoment(r.serviceLevels(), next.validFrom.toInstant(), now);
            hours = replan(r, next.ref(), hours, revisions.hours(next.ref()), at, AuditLog.SYSTEM,
                    "calendar " + next.calendarKey + " revision " + next.revision + " in force from " + next.validFrom);
        }
        return hours;
    }

    /**
     * Moves the plan to another calendar revision at {@code at}: the running clocks count their time until then
     * under {@code fromHours} and the rest under {@code toHours}. Records the move and every due time it changed.
     */
    public BusinessHours replan(HrRequest r, CalendarRef to, BusinessHours fromHours, BusinessHours toHours, Instant at,
            String actor, String note) {
        ServiceLevels before = r.serviceLevels();
        ServiceLevels after = before.recalendar(at, fromHours, toHours, config.sla().atRiskShare());
        audit.record(r, at, actor, ServiceLevelReplay.FIELD_CALENDAR, r.calendar(), to, note, false);
        r.calendarKey = to.key();
        r.calendarRevision = to.revision();
        recordDueTimes(r, before, after, at, actor);
        settle(r, before, after, at);
        return toHours;
    }

    /** History entries for the due times that moved (a re-plan, a re-triage). */
    public void recordDueTimes(HrRequest r, ServiceLevels before, ServiceLevels after, Instant at, String actor) {
        if (!Objects.equals(before.firstResponse().dueAt(), after.firstResponse().dueAt())) {
            audit.record(r, at, actor, FIELD_FIRST_RESPONSE_DUE, before.firstResponse().dueAt(),
                    after.firstResponse().dueAt());
        }
        if (!Objects.equals(before.resolution().dueAt(), after.resolution().dueAt())) {
            audit.record(r, at, actor, FIELD_RESOLUTION_DUE, before.resolution().dueAt(), after.resolution().dueAt());
        }
    }

    /**
     * When a new revision takes over: when it came into force, but never before a running clock's current
     * stretch began (its start was planned with the old revision) and never after now.
     */
    private static Instant replanMoment(ServiceLevels levels, Instant validFrom, Instant now) {
        Instant at = validFrom.isAfter(now) ? now : validFrom;
        for (SlaTimer timer : new SlaTimer[] { levels.firstResponse(), levels.resolution() }) {
            if (timer.running() && timer.runningSince().isAfter(at)) {
                at = timer.runningSince();
            }
        }
        return at;
    }

    /** Moves the request to {@code to}; {@code change} carries what its event says beyond the move. */
    public void move(HrRequest r, RequestStatus to, String actor, String note, Instant at, StatusChange change) {
        RequestStatus from = r.status;
        Lifecycle.require(from, to);
        BusinessHours hours = current(r, at);
        ServiceLevels before = r.serviceLevels();
        ServiceLevels after = before.onStatusChange(from, to, at, hours, config.sla().atRiskShare());
        r.status = to;
        r.updatedAt = at.atOffset(ZoneOffset.UTC);
        if (to == RequestStatus.RESOLVED) {
            r.resolvedAt = r.updatedAt;
        } else if (to == RequestStatus.CLOSED) {
            r.closedAt = r.updatedAt;
        } else if (from == RequestStatus.RESOLVED) {
            r.resolvedAt = null;
        }
        audit.record(r, at, actor, ServiceLevelReplay.FIELD_STATUS, from, to, note, false);
        settle(r, before, after, at);
        events.publish(event(r, from, to, note, at, change));
        if (Lifecycle.next(to).isEmpty()) {
            r.forgetRequesterAddress(); // final: no mail to the requester is due any more
        }
    }

    private RequestEvent event(HrRequest r, RequestStatus from, RequestStatus to, String note, Instant at,
            StatusChange change) {
        RequestFacts facts = events.facts(r, at);
        String previous = from.name();
        String told = events.freeText(r, note);
        if (to == RequestStatus.ASSIGNED) {
            StatusChange.OwnerChanged owner = change instanceof StatusChange.OwnerChanged o ? o
                    : new StatusChange.OwnerChanged(null, null);
            return RequestAssigned.of(facts, owner.previousOwner(), events.freeText(r, owner.reason()), previous);
        }
        if (to == RequestStatus.RESOLVED) {
            // The requester's address travels for the survey invitation (never on a confidential request).
            return RequestResolved.of(facts, r.resolvedAt, r.resOutcome == SlaOutcome.BREACHED, previous, told,
                    r.requesterEmail, r.requesterLocale);
        }
        if (to == RequestStatus.DECLINED && change instanceof StatusChange.Declined declined) {
            RequestDecline d = declined.decline();
            return RequestDeclined.of(facts, d.reason.name(), d.subReason == null ? null : d.subReason.name(),
                    d.policyReference, events.freeText(r, d.alternative), events.freeText(r, d.explanation), previous,
                    told);
        }
        if (from == RequestStatus.RESOLVED && to == RequestStatus.IN_PROGRESS) {
            return RequestReopened.of(facts, previous, told);
        }
        String appeal = change instanceof StatusChange.AppealDecided decided ? decided.outcome().name() : null;
        return RequestStatusChanged.of(facts, previous, told, appeal);
    }

    /** The first answer to the customer that is not a status change: a public comment by HR. */
    public void firstResponse(HrRequest r, String actor, String commentId, Instant at) {
        if (r.serviceLevels().firstResponse().completedAt() != null) {
            return;
        }
        BusinessHours hours = current(r, at);
        ServiceLevels before = r.serviceLevels();
        ServiceLevels after = before.onFirstResponse(at, hours);
        audit.record(r, at, actor, ServiceLevelReplay.FIELD_FIRST_RESPONSE, null, commentId);
        settle(r, before, after, at);
        r.updatedAt = at.atOffset(ZoneOffset.UTC);
    }

    /**
     * Records what the timers came to and announces a breach exactly once, whoever noticed it: the
     * scheduler, a pause or the completion past the due time.
     */
    public void settle(HrRequest r, ServiceLevels before, ServiceLevels after, Instant at) {
        ServiceLevels settled = after;
        for (SlaTarget target : SlaTarget.values()) {
            SlaTimer was = before.get(target);
            SlaTimer now = settled.get(target);
            if (was.completedAt() == null && now.completedAt() != null && now.outcome() == SlaOutcome.ATTAINED) {
                audit.record(r, at, AuditLog.SYSTEM, field(target), null, SlaOutcome.ATTAINED);
            }
            if (now.breachDueAt(at)) {
                now = now.markBreachNotified();
                settled = settled.with(target, now);
                audit.record(r, at, AuditLog.SYSTEM, field(target), null, ServiceLevelReplay.BREACHED);
                r.serviceLevels(settled);
                events.breached(r, target, now, at);
                metrics.breached(target, r.team);
            }
        }
        r.serviceLevels(settled);
    }

    /** The scheduler's warning that a running target has used its at-risk share. */
    public void warnAtRisk(HrRequest r, SlaTarget target, Instant at) {
        ServiceLevels levels = r.serviceLevels();
        SlaTimer timer = levels.get(target).markAtRiskNotified();
        r.serviceLevels(levels.with(target, timer));
        audit.record(r, at, AuditLog.SYSTEM, field(target), null, ServiceLevelReplay.AT_RISK);
        events.atRisk(r, target, timer, at);
        mail.atRisk(r, target, timer);
        metrics.atRisk(target, r.team);
    }

    static String field(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? ServiceLevelReplay.FIELD_FIRST_RESPONSE_LEVEL
                : ServiceLevelReplay.FIELD_RESOLUTION_LEVEL;
    }
}
