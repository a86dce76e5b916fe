package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.contract.RequestAssigned;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.AuditEntry;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Lifecycle;
import io.hrloop.request.domain.RequestComment;
import io.hrloop.request.domain.RequestStatus;
import io.hrloop.request.domain.Visibility;

/** Ownership, status changes, the conversation and the history of a request. */
@ApplicationScoped
public class WorkflowService {

    private final Access access;
    private final Transitions transitions;
    private final AuditLog audit;
    private final RequestEvents events;
    private final RequestConfig config;
    private final StaffRegister staff;
    private final Times times;

    public WorkflowService(Access access, Transitions transitions, AuditLog audit, RequestEvents events,
            RequestConfig config, StaffRegister staff, Times times) {
        this.access = access;
        this.staff = staff;
        this.transitions = transitions;
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.times = times;
    }

    /**
     * Gives the request an owner. An agent of the team takes an unowned request for themself; the owner
     * hands it over; a lead of the queue (re)assigns anything. A reassignment records its reason. The new
     * owner must be allowed by the staff register (an active hr-agent or hr-lead of the request's team, an
     * er-specialist for a confidential case): owning a request opens its internal comments and deliberation.
     */
    @Transactional
    public HrRequest assign(UUID id, String ifMatch, String owner, String reason) {
        HrRequest r = access.visible(id);
        ETags.check(ifMatch, r.version);
        String me = access.me();
        if (!access.seesInternal(r)) {
            throw DomainException.notPermitted("only HR assigns requests, and never their own");
        }
        boolean takesUnowned = r.owner == null && owner.equals(me) && access.inQueue(r);
        if (!(takesUnowned || me.equals(r.owner) || access.leads(r))) {
            throw DomainException.notPermitted("an agent of the team may take an unowned request; only its owner or a "
                    + "lead of its team may give it to someone else");
        }
        if (!Lifecycle.isOpen(r.status)) {
            throw DomainException.conflict("not-assignable", "a " + r.status + " request is no longer worked on");
        }
        if (owner.equals(r.owner)) {
            return r;
        }
        if (r.owner != null && (reason == null || reason.isBlank())) {
            throw DomainException.invalid("reason-required", "reassigning a request records why: give a reason");
        }
        if (owner.equals(me)) {
            staff.sightCaller();
        }
        staff.requireOwner(owner, r);
        Instant now = times.now();
        String previous = r.owner;
        r.owner = owner;
        r.updatedAt = now.atOffset(ZoneOffset.UTC);
        audit.record(r, now, me, "owner", previous, owner, reason, false);
        if (r.status == RequestStatus.SUBMITTED) {
            transitions.move(r, RequestStatus.ASSIGNED, me, null, now, new StatusChange.OwnerChanged(previous, reason));
        } else {
            events.publish(RequestAssigned.of(events.facts(r, now), previous, events.freeText(r, reason),
                    r.status.name()));
        }
        return r;
    }

    @Transactional
    public HrRequest changeStatus(UUID id, String ifMatch, RequestStatus to, String note) {
        HrRequest r = access.visible(id);
        ETags.check(ifMatch, r.version);
        if (to == RequestStatus.ASSIGNED && Lifecycle.allows(r.status, to)) {
            throw DomainException.conflict("use-assignment",
                    "a request becomes ASSIGNED when it gets an owner: POST /api/v1/requests/" + id + "/assignment");
        }
        if (to == RequestStatus.DECLINED && Lifecycle.allows(r.status, to)) {
            throw DomainException.conflict("use-decline", "a decline is proposed by the owner and confirmed by an "
                    + "hr-lead: POST /api/v1/requests/" + id + "/decline");
        }
        Lifecycle.require(r.status, to);
        String me = access.me();
        Instant now = times.now();
        boolean requester = r.isRequesterSide(me);
        if (r.status == RequestStatus.DECLINED) {
            throw DomainException.conflict("appeal-required",
                    "a declined request goes back to work only when an appeal is overturned");
        } else if (r.status == RequestStatus.RESOLVED && to == RequestStatus.IN_PROGRESS) {
            if (!requester) {
                throw DomainException.notPermitted("only the requester reopens a resolved request");
            }
            Instant until = r.resolvedAt.toInstant().plus(config.reopenWindow());
            if (now.isAfter(until)) {
                throw DomainException.conflict("reopen-window-closed", "the request could be reopened until "
                        + until + "; please submit a new request").with("reopenUntil", until.toString());
            }
        } else if (r.status == RequestStatus.RESOLVED && to == RequestStatus.CLOSED) {
            if (!requester && !access.canWork(r)) {
                throw DomainException.notPermitted("only the requester, the owner or a lead closes a resolved request");
            }
        } else if (!access.canWork(r)) {
            throw DomainException.notPermitted("only the owner of the request or a lead of its team moves it");
        }
        if (to == RequestStatus.WAITING_ON_CUSTOMER && (note == null || note.isBlank())) {
            throw DomainException.invalid("note-required",
                    "waiting on the customer needs a note that tells them what HR needs");
        }
        transitions.move(r, to, me, note, now, StatusChange.NONE);
        return r;
    }

    /**
     * Adds a comment. A public comment by HR is the first response if none came before; a public reply
     * of the requester to a request waiting on them puts it back in progress (the clock runs again).
     */
    @Transactional
    public RequestComment comment(UUID id, String body, Visibility visibility) {
        HrRequest r = access.visible(id);
        String me = access.me();
        boolean hr = access.seesInternal(r);
        if (visibility == Visibility.INTERNAL && !hr) {
            throw DomainException.notPermitted("internal comments are written by HR; write a PUBLIC comment");
        }
        if (r.status == RequestStatus.CLOSED) {
            throw DomainException.conflict("request-closed", "a CLOSED request takes no more comments; "
                    + "please submit a new request");
        }
        Instant now = times.now();
        RequestComment c = new RequestComment();
        c.id = UUID.randomUUID();
        c.requestId = r.id;
        c.author = me;
        c.body = body;
        c.visibility = visibility;
        c.createdAt = now.atOffset(ZoneOffset.UTC);
        c.persist();
        audit.record(r, now, me, "comment", null, c.id, visibility.name(), visibility == Visibility.INTERNAL);
        if (visibility == Visibility.PUBLIC) {
            if (hr) {
                transitions.firstResponse(r, me, c.id.toString(), now);
            } else if (r.status == RequestStatus.WAITING_ON_CUSTOMER && r.isRequesterSide(me)) {
                transitions.move(r, RequestStatus.IN_PROGRESS, me, "the customer replied", now, StatusChange.NONE);
            }
        }
        return c;
    }

    public Page<RequestComment> comments(UUID id, String cursor, int limit) {
        HrRequest r = access.visible(id);
        String visible = access.seesInternal(r) ? "" : " and visibility = 'PUBLIC'";
        Cursor after = Cursor.read(cursor, 2);
        List<RequestComment> found = after == null
                ? RequestComment.<RequestComment>find("requestId = ?1" + visible + " order by createdAt, id", r.id)
                        .page(0, limit + 1).list()
                : RequestComment.<RequestComment>find("requestId = ?1" + visible
                        + " and (createdAt > ?2 or (createdAt = ?2 and id > ?3)) order by createdAt, id", r.id,
                        after.time(0), after.uuid(1)).page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.createdAt, last.id));
    }

    public Page<AuditEntry> history(UUID id, String cursor, int limit) {
        HrRequest r = access.visible(id);
        String visible = access.seesInternal(r) ? "" : " and internal = false";
        Cursor after = Cursor.read(cursor, 2);
        List<AuditEntry> found = after == null
                ? AuditEntry.<AuditEntry>find("requestId = ?1" + visible + " order by at, id", r.id)
                        .page(0, limit + 1).list()
                : AuditEntry.<AuditEntry>find("requestId = ?1" + visible
                        + " and (at > ?2 or (at = ?2 and id > ?3)) order by at, id", r.id, after.time(0), after.number(1))
                        .page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.at, last.id));
    }
}
