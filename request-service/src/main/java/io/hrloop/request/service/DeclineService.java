package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.ETags;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.domain.IllegalTransitionException;
import io.hrloop.common.security.Roles;
import io.hrloop.common.time.Times;
import io.hrloop.request.domain.AppealOutcome;
import io.hrloop.request.domain.DeclineReason;
import io.hrloop.request.domain.DeclineStatus;
import io.hrloop.request.domain.DeclineSubReason;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Lifecycle;
import io.hrloop.request.domain.RequestDecline;
import io.hrloop.request.domain.RequestStatus;

/**
 * Principled decline: the owner proposes it on one of four grounds with an explanation and the policy
 * it rests on; it takes effect only when an hr-lead who is not the proposer confirms it; the requester
 * may appeal once, and an hr-lead who neither proposed nor confirmed it decides the appeal.
 */
@ApplicationScoped
public class DeclineService {

    private final Access access;
    private final Transitions transitions;
    private final AuditLog audit;
    private final Times times;
    private final RequestMail mail;

    public DeclineService(Access access, Transitions transitions, AuditLog audit, Times times, RequestMail mail) {
        this.mail = mail;
        this.access = access;
        this.transitions = transitions;
        this.audit = audit;
        this.times = times;
    }

    public record Proposal(DeclineReason reason, DeclineSubReason subReason, String explanation, String policyReference,
            String alternative) {
    }

    @Transactional
    public RequestDecline propose(UUID id, Proposal p) {
        HrRequest r = access.visible(id);
        String me = access.me();
        if (!me.equals(r.owner) || !access.seesInternal(r)) {
            throw DomainException.notPermitted("only the owner of the request proposes a decline");
        }
        String pairing = DeclineSubReason.problemWith(p.reason(), p.subReason());
        if (pairing != null) {
            throw DomainException.invalid("validation", "subReason: " + pairing)
                    .with("errors", List.of(Map.of("field", "subReason", "message", pairing)));
        }
        if (!Lifecycle.allows(r.status, RequestStatus.DECLINED)) {
            throw new IllegalTransitionException("a request", r.status, RequestStatus.DECLINED, Lifecycle.next(r.status));
        }
        if (pending(r) != null) {
            throw DomainException.conflict("decline-pending", "a decline of this request already waits for an hr-lead");
        }
        Instant now = times.now();
        RequestDecline d = new RequestDecline();
        d.id = UUID.randomUUID();
        d.requestId = r.id;
        d.status = DeclineStatus.PROPOSED;
        d.reason = p.reason();
        d.subReason = p.subReason();
        d.explanation = p.explanation();
        d.policyReference = p.policyReference();
        d.alternative = p.alternative();
        d.previousStatus = r.status;
        d.proposedBy = me;
        d.proposedAt = now.atOffset(ZoneOffset.UTC);
        d.persist();
        audit.record(r, now, me, "decline", null, DeclineStatus.PROPOSED, reasonText(d), true);
        return d;
    }

    /** The hr-lead's confirmation: the decline takes effect and the requester is told why. */
    @Transactional
    public RequestDecline confirm(UUID id, String ifMatch, String note) {
        HrRequest r = access.visible(id);
        RequestDecline d = requirePending(r);
        ETags.check(ifMatch, d.version);
        String me = requireLead(r, "confirms a decline");
        if (me.equals(d.proposedBy)) {
            throw DomainException.notPermitted("a decline is confirmed by a second person, not by its proposer");
        }
        Instant now = times.now();
        d.status = DeclineStatus.CONFIRMED;
        d.decidedBy = me;
        d.decidedAt = now.atOffset(ZoneOffset.UTC);
        d.decisionNote = note;
        audit.record(r, now, me, "decline", DeclineStatus.PROPOSED, DeclineStatus.CONFIRMED, reasonText(d), false);
        transitions.move(r, RequestStatus.DECLINED, me, d.explanation, now, new StatusChange.Declined(d));
        mail.declineDecided(r, d, null);
        return d;
    }

    /** The hr-lead does not agree: the request goes on as before. */
    @Transactional
    public RequestDecline reject(UUID id, String ifMatch, String note) {
        HrRequest r = access.visible(id);
        RequestDecline d = requirePending(r);
        ETags.check(ifMatch, d.version);
        String me = requireLead(r, "rejects a decline proposal");
        if (me.equals(d.proposedBy)) {
            throw DomainException.notPermitted("a decline proposal is decided by a second person, not by its proposer");
        }
        Instant now = times.now();
        d.status = DeclineStatus.REJECTED;
        d.decidedBy = me;
        d.decidedAt = now.atOffset(ZoneOffset.UTC);
        d.decisionNote = note;
        audit.record(r, now, me, "decline", DeclineStatus.PROPOSED, DeclineStatus.REJECTED, note, true);
        return d;
    }

    /** The requester's one appeal against a confirmed decline. */
    @Transactional
    public RequestDecline appeal(UUID id, String statement) {
        HrRequest r = access.visible(id);
        String me = access.me();
        if (!me.equals(r.requester) && !me.equals(r.onBehalfOf)) {
            throw DomainException.notPermitted("only the requester appeals a decline");
        }
        if (RequestDecline.count("requestId = ?1 and appealStatement is not null", r.id) > 0) {
            throw DomainException.conflict("already-appealed", "a decline can be appealed once per request");
        }
        RequestDecline d = latestConfirmed(r);
        if (r.status != RequestStatus.DECLINED || d == null) {
            throw DomainException.conflict("not-declined", "only a declined request can be appealed");
        }
        Instant now = times.now();
        d.appealStatement = statement;
        d.appealedBy = me;
        d.appealedAt = now.atOffset(ZoneOffset.UTC);
        audit.record(r, now, me, "appeal", null, "LODGED", statement, false);
        return d;
    }

    /** An hr-lead who neither proposed nor confirmed the decline decides the appeal. */
    @Transactional
    public RequestDecline decideAppeal(UUID id, String ifMatch, AppealOutcome outcome, String note) {
        HrRequest r = access.visible(id);
        RequestDecline d = latestConfirmed(r);
        if (d == null || d.appealStatement == null || d.appealOutcome != null) {
            throw DomainException.conflict("no-pending-appeal", "this request has no appeal waiting for a decision");
        }
        ETags.check(ifMatch, d.version);
        String me = requireLead(r, "decides an appeal");
        if (me.equals(d.decidedBy) || me.equals(d.proposedBy)) {
            throw DomainException.notPermitted("an appeal is decided by an hr-lead who neither proposed nor confirmed "
                    + "the decline");
        }
        Instant now = times.now();
        d.appealOutcome = outcome;
        d.appealDecidedBy = me;
        d.appealDecidedAt = now.atOffset(ZoneOffset.UTC);
        d.appealNote = note;
        audit.record(r, now, me, "appeal", "LODGED", outcome, note, false);
        if (outcome == AppealOutcome.OVERTURNED) {
            transitions.move(r, RequestStatus.IN_PROGRESS, me, note, now, new StatusChange.AppealDecided(outcome));
        }
        mail.declineDecided(r, d, outcome);
        if (outcome == AppealOutcome.UPHELD) {
            r.forgetRequesterAddress(); // the decline is final: no mail to the requester is due any more
        }
        return d;
    }

    /** The latest decline of a request as the caller may see it: the requester sees confirmed ones only. */
    public RequestDecline current(UUID id) {
        HrRequest r = access.visible(id);
        RequestDecline d = access.seesInternal(r)
                ? RequestDecline.<RequestDecline>find("requestId = ?1 order by proposedAt desc", r.id).firstResult()
                : latestConfirmed(r);
        if (d == null) {
            throw DomainException.notFound("a decline of request " + id);
        }
        return d;
    }

    public boolean seesDeliberation(UUID id) {
        return access.seesInternal(access.visible(id));
    }

    private String requireLead(HrRequest r, String what) {
        boolean lead = access.has(Roles.HR_LEAD) && access.leads(r);
        if (!lead) {
            throw DomainException.notPermitted("only an hr-lead of the request's team" + (r.confidential
                    ? " who is also an er-specialist" : "") + " " + what);
        }
        return access.me();
    }

    private RequestDecline requirePending(HrRequest r) {
        RequestDecline d = pending(r);
        if (d == null) {
            throw DomainException.conflict("no-pending-decline", "this request has no decline proposal to decide");
        }
        return d;
    }

    private static RequestDecline pending(HrRequest r) {
        return RequestDecline.find("requestId = ?1 and status = ?2", r.id, DeclineStatus.PROPOSED).firstResult();
    }

    private static RequestDecline latestConfirmed(HrRequest r) {
        return RequestDecline.<RequestDecline>find("requestId = ?1 and status = ?2 order by proposedAt desc", r.id,
                DeclineStatus.CONFIRMED).firstResult();
    }

    private static String reasonText(RequestDecline d) {
        return d.reason + (d.subReason == null ? "" : "/" + d.subReason) + " (" + d.policyReference + ")";
    }
}
