package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.ETags;
import io.hrloop.common.contract.RequestRetriaged;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.CalendarRef;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Lifecycle;
import io.hrloop.request.domain.Priority;
import io.hrloop.request.domain.RequestType;
import io.hrloop.request.domain.ServiceLevelReplay;
import io.hrloop.request.domain.ServiceLevels;
import io.hrloop.request.domain.StaffMember;
import io.hrloop.request.domain.TargetMinutes;

/**
 * Re-triage: HR corrects the type or priority of an open request. The team (and confidentiality) follow the
 * type; an owner the staff register does not allow in the new team loses the request; the targets are the new
 * type's for the new priority, on its calendar, counted against the business time already used.
 */
@ApplicationScoped
public class RetriageService {

    private final Access access;
    private final CatalogService catalog;
    private final CalendarRevisions revisions;
    private final Transitions transitions;
    private final AuditLog audit;
    private final RequestEvents events;
    private final RequestConfig config;
    private final Times times;

    public RetriageService(Access access, CatalogService catalog, CalendarRevisions revisions, Transitions transitions,
            AuditLog audit, RequestEvents events, RequestConfig config, Times times) {
        this.access = access;
        this.catalog = catalog;
        this.revisions = revisions;
        this.transitions = transitions;
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.times = times;
    }

    @Transactional
    public HrRequest retriage(UUID id, String ifMatch, String typeKey, Priority priority, String reason) {
        HrRequest r = access.visible(id);
        ETags.require(ifMatch, r.version);
        if (!access.seesInternal(r) || !access.inQueue(r)) {
            throw DomainException.notPermitted("an hr-agent or hr-lead of the request's team (an er-specialist for a "
                    + "confidential case) re-triages a request");
        }
        if (!Lifecycle.isOpen(r.status)) {
            throw DomainException.conflict("not-open", "a " + r.status + " request is no longer triaged");
        }
        if (typeKey == null && priority == null) {
            throw DomainException.invalid("nothing-to-change", "give the new type, the new priority or both");
        }
        RequestType type = typeKey == null ? catalog.type(r.typeKey) : RequestType.findById(typeKey);
        if (type == null || (!type.key.equals(r.typeKey) && !type.active)) {
            throw DomainException.unprocessable("unknown-request-type", "request type '" + typeKey
                    + "' does not exist or takes no new requests; see GET /api/v1/request-types");
        }
        Priority newPriority = priority == null ? r.priority : priority;
        if (type.key.equals(r.typeKey) && newPriority == r.priority) {
            return r;
        }
        String me = access.me();
        Instant now = times.now();
        BusinessHours hours = transitions.current(r, now);
        Before was = new Before(r.typeKey, r.priority, r.team, r.owner, r.confidential);
        if (!type.calendarKey.equals(r.calendarKey)) {
            CalendarRef to = new CalendarRef(type.calendarKey, catalog.calendar(type.calendarKey).revision);
            hours = transitions.replan(r, to, hours, revisions.hours(to), now, me, "the type's calendar");
        }
        TargetMinutes targets = catalog.targets(type).get(newPriority);
        ServiceLevels before = r.serviceLevels();
        ServiceLevels after = before.retarget(targets.firstResponseMinutes(), targets.resolutionMinutes(), now, hours,
                config.sla().atRiskShare());
        audit.record(r, now, me, ServiceLevelReplay.FIELD_RETARGET,
                ServiceLevelReplay.targets(before.firstResponse().targetMinutes(), before.resolution().targetMinutes()),
                ServiceLevelReplay.targets(targets.firstResponseMinutes(), targets.resolutionMinutes()),
                "priority " + newPriority + ", type " + type.key, false);
        r.serviceLevels(after);
        transitions.recordDueTimes(r, before, after, now, me);
        r.typeKey = type.key;
        r.category = type.category;
        r.priority = newPriority;
        r.team = type.team;
        r.confidential = type.confidential;
        r.updatedAt = now.atOffset(ZoneOffset.UTC);
        record(r, was, reason, me, now);
        transitions.settle(r, before, after, now);
        ServiceLevels levels = r.serviceLevels();
        events.publish(RequestRetriaged.of(events.facts(r, now), was.type(), was.priority().name(), was.team(),
                was.owner(), was.confidential(), was.confidential() || r.confidential ? null : reason,
                levels.firstResponse().dueAt().atOffset(ZoneOffset.UTC), levels.resolution().dueAt().atOffset(ZoneOffset.UTC),
                levels.firstResponse().targetMinutes(), levels.resolution().targetMinutes()));
        return r;
    }

    private record Before(String type, Priority priority, String team, String owner, boolean confidential) {
    }

    /** The history of the move; the owner goes when the staff register does not allow them in the new team. */
    private void record(HrRequest r, Before was, String reason, String me, Instant now) {
        if (!was.type().equals(r.typeKey)) {
            audit.record(r, now, me, "type", was.type(), r.typeKey, reason, false);
        }
        if (was.priority() != r.priority) {
            audit.record(r, now, me, "priority", was.priority(), r.priority, reason, false);
        }
        if (!was.team().equals(r.team)) {
            audit.record(r, now, me, "team", was.team(), r.team);
        }
        if (was.confidential() != r.confidential) {
            audit.record(r, now, me, "confidential", was.confidential(), r.confidential);
        }
        if (r.owner != null) {
            StaffMember owner = StaffMember.findById(r.owner);
            String why = owner == null ? r.owner + " is not in the staff register"
                    : owner.whyNotOwnerOf(r.team, r.confidential);
            if (why != null) {
                // the note names no one: the owner is in before, which an erasure pseudonymises
                audit.record(r, now, me, "owner", r.owner, null, why.replace(r.owner, "the owner"), false);
                r.owner = null;
            }
        }
    }
}
