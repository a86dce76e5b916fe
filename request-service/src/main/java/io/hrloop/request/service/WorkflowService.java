package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursors;
import io.hrloop.common.api.ETags;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.problem.ProblemException;
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
    private final Times times;

    public WorkflowService(Access access, Transitions transitions, AuditLog audit, RequestEvents events,
            RequestConfig config, Times times) {
        this.access = access;
        this.transitions = transitions;
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.times = times;
    }

    /**
     * Gives the request an owner. An agent of the team takes an unowned request for themself; the owner
     * hands it over; a lead of the queue (re)assigns anything. A reassignment records its reason.
     */
    @Transactional
    public HrRequest assign(UUID id, String ifMatch, String owner, String reason) {
        HrRequest r = access.visible(id);
        ETags.check(ifMatch, r.version);
        String me = access.me();
        if (!access.seesInternal(r)) {
            throw ProblemException.forbidden("only HR assigns requests, and never their own");
        }
        boolean takesUnowned = r.owner == null && owner.equals(me) && access.inQueue(r);
        if (!(takesUnowned || me.equals(r.owner) || access.leads(r))) {
            throw ProblemException.forbidden("an agent of the team may take an unowned request; only its owner or a "
                    + "lead of its team may give it to someone else");
        }
        if (!Lifecycle.isOpen(r.status)) {
            throw ProblemException.conflict("not-assignable", "a " + r.status + " request is no longer worked on");
        }
        if (owner.equals(r.owner)) {
            return r;
        }
        if (r.owner != null && (reason == null || reason.isBlank())) {
            throw ProblemException.badRequest("reason-required", "reassigning a request records why: give a reason");
        }
        Instant now = times.now();
        String previous = r.owner;
        r.owner = owner;
        r.updatedAt = now.atOffset(ZoneOffset.UTC);
        audit.record(r, now, me, "owner", previous, owner, reason, false);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("previousOwner", previous);
        extra.put("reason", reason);
        if (r.status == RequestStatus.SUBMITTED) {
            transitions.move(r, RequestStatus.ASSIGNED, me, null, now, extra);
        } else {
            events.publish(EventCatalog.REQUEST_ASSIGNED, r, now, extra);
        }
        return r;
    }

    @Transactional
    public HrRequest changeStatus(UUID id, String ifMatch, RequestStatus to, String note) {
        HrRequest r = access.visible(id);
        ETags.check(ifMatch, r.version);
        if (to == RequestStatus.ASSIGNED && Lifecycle.allows(r.status, to)) {
            throw ProblemException.conflict("use-assignment",
                    "a request becomes ASSIGNED when it gets an owner: POST /api/v1/requests/" + id + "/assignment");
        }
        if (to == RequestStatus.DECLINED && Lifecycle.allows(r.status, to)) {
            throw ProblemException.conflict("use-decline", "a decline is proposed by the owner and confirmed by an "
                    + "hr-lead: POST /api/v1/requests/" + id + "/decline");
        }
        Lifecycle.require(r.status, to);
        String me = access.me();
        Instant now = times.now();
        boolean requester = r.isRequesterSide(me);
        if (r.status == RequestStatus.DECLINED) {
            throw ProblemException.conflict("appeal-required",
                    "a declined request goes back to work only when an appeal is overturned");
        } else if (r.status == RequestStatus.RESOLVED && to == RequestStatus.IN_PROGRESS) {
            if (!requester) {
                throw ProblemException.forbidden("only the requester reopens a resolved request");
            }
            Instant until = r.resolvedAt.toInstant().plus(config.reopenWindow());
            if (now.isAfter(until)) {
                throw ProblemException.conflict("reopen-window-closed", "the request could be reopened until "
                        + until + "; please submit a new request").with("reopenUntil", until.toString());
            }
        } else if (r.status == RequestStatus.RESOLVED && to == RequestStatus.CLOSED) {
            if (!requester && !access.canWork(r)) {
                throw ProblemException.forbidden("only the requester, the owner or a lead closes a resolved request");
            }
        } else if (!access.canWork(r)) {
            throw ProblemException.forbidden("only the owner of the request or a lead of its team moves it");
        }
        if (to == RequestStatus.WAITING_ON_CUSTOMER && (note == null || note.isBlank())) {
            throw ProblemException.badRequest("note-required",
                    "waiting on the customer needs a note that tells them what HR needs");
        }
        transitions.move(r, to, me, note, now, Map.of());
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
            throw ProblemException.forbidden("internal comments are written by HR; write a PUBLIC comment");
        }
        if (r.status == RequestStatus.CLOSED) {
            throw ProblemException.conflict("request-closed", "a CLOSED request takes no more comments; "
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
                transitions.move(r, RequestStatus.IN_PROGRESS, me, "the customer replied", now, Map.of());
            }
        }
        return c;
    }

    public record CommentPage(List<RequestComment> items, String next) {
    }

    public CommentPage comments(UUID id, String cursor, int limit) {
        HrRequest r = access.visible(id);
        String visible = access.seesInternal(r) ? "" : " and visibility = 'PUBLIC'";
        String after = "";
        Object[] params;
        if (cursor == null) {
            params = new Object[] { r.id };
        } else {
            String[] parts = Cursors.decode(cursor, 2);
            after = " and (createdAt > ?2 or (createdAt = ?2 and id > ?3))";
            try {
                params = new Object[] { r.id, java.time.OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]) };
            } catch (RuntimeException e) {
                throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this service issued");
            }
        }
        List<RequestComment> found = RequestComment.<RequestComment>find("requestId = ?1" + visible + after
                + " order by createdAt, id", params).page(0, limit + 1).list();
        List<RequestComment> items = found.size() > limit ? found.subList(0, limit) : found;
        String next = found.size() > limit
                ? Cursors.encode(items.getLast().createdAt.withOffsetSameInstant(ZoneOffset.UTC).toString(),
                        items.getLast().id.toString())
                : null;
        return new CommentPage(List.copyOf(items), next);
    }

    public record HistoryPage(List<AuditEntry> items, String next) {
    }

    public HistoryPage history(UUID id, String cursor, int limit) {
        HrRequest r = access.visible(id);
        String visible = access.seesInternal(r) ? "" : " and internal = false";
        long after = 0;
        if (cursor != null) {
            try {
                after = Long.parseLong(Cursors.decode(cursor, 1)[0]);
            } catch (NumberFormatException e) {
                throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this service issued");
            }
        }
        List<AuditEntry> found = AuditEntry.<AuditEntry>find("requestId = ?1 and id > ?2" + visible + " order by id",
                r.id, after).page(0, limit + 1).list();
        List<AuditEntry> items = found.size() > limit ? found.subList(0, limit) : found;
        String next = found.size() > limit ? Cursors.encode(String.valueOf(items.getLast().id)) : null;
        return new HistoryPage(List.copyOf(items), next);
    }
}
