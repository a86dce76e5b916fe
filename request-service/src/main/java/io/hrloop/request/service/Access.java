package io.hrloop.request.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.domain.DomainException;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.HrRequest;

/**
 * Who sees and works which request. The requester's side (requester, on-behalf-of person, the
 * integration that filed it) sees its own requests. Confidential (employee-relations) requests are
 * otherwise visible to er-specialists only; other requests to their owner, to hr-agents and hr-leads
 * of the owning team, and to hr-admin. Everyone else gets 404, in reads, lists and counts alike.
 */
@ApplicationScoped
public class Access {

    private final Caller caller;

    public Access(Caller caller) {
        this.caller = caller;
    }

    public String me() {
        return caller.personId();
    }

    /** The caller's mail address from their token, when usable. */
    public String email() {
        return caller.mailAddress();
    }

    /** When the caller's token was issued, or null when it does not say. */
    public Instant issuedAt() {
        return caller.issuedAt();
    }

    /** The caller's language from their token, when it says. */
    public String locale() {
        return caller.locale();
    }

    public boolean canSee(HrRequest r) {
        return r.isRequesterSide(me()) || seesAsHr(r);
    }

    /** HR sees the request through its role, not as its requester. */
    public boolean seesAsHr(HrRequest r) {
        if (r.confidential) {
            return caller.has(Roles.ER_SPECIALIST);
        }
        return me().equals(r.owner) || caller.has(Roles.HR_ADMIN) || inTeam(r);
    }

    /** Internal comments and deliberation: HR only, and never on a request of one's own. */
    public boolean seesInternal(HrRequest r) {
        return seesAsHr(r) && !r.isRequesterSide(me());
    }

    /** Moving a request along: its owner, or whoever leads its queue (hr-lead of the team, er-specialist). */
    public boolean canWork(HrRequest r) {
        if (!seesInternal(r)) {
            return false;
        }
        return me().equals(r.owner) || leads(r);
    }

    /** Leads the queue: an hr-lead of the team, or for confidential cases an er-specialist. */
    public boolean leads(HrRequest r) {
        if (r.confidential) {
            return caller.has(Roles.ER_SPECIALIST);
        }
        return caller.has(Roles.HR_LEAD) && r.team.equals(caller.team());
    }

    /** Works the request's queue: hr-agents and hr-leads of its team, er-specialists for confidential cases. */
    public boolean inQueue(HrRequest r) {
        return r.confidential ? caller.has(Roles.ER_SPECIALIST) : inTeam(r);
    }

    public boolean has(String role) {
        return caller.has(role);
    }

    public boolean hasAny(String... roles) {
        return caller.hasAny(roles);
    }

    public String team() {
        return caller.team();
    }

    public java.util.Set<String> roles() {
        return caller.roles();
    }

    /** The request if the caller may see it; otherwise 404, so that its existence is not revealed. */
    public HrRequest visible(UUID id) {
        HrRequest r = HrRequest.findById(id);
        if (r == null || !canSee(r)) {
            throw DomainException.notFound("request " + id);
        }
        return r;
    }

    /** The requester's side of a request (requester, on-behalf-of person, submitter) as SQL on alias {@code r}. */
    private static final List<String> REQUESTER_SIDE = List.of("r.requester = :me", "r.on_behalf_of = :me",
            "r.submitted_by = :me");

    /** SQL condition on alias {@code r} matching {@link #canSee}; binds its parameters into {@code params}. */
    public String visibleClause(Map<String, Object> params) {
        params.put("me", me());
        return "(" + String.join(" or ", REQUESTER_SIDE) + " or " + hrClause(params) + ")";
    }

    /**
     * For a caller who sees requests only from the requester's side or as their owner (no HR role that opens a
     * team, all requests or confidential cases): the arms of {@link #visibleClause}, each of which an index on its
     * column answers. Empty for HR callers.
     */
    public List<String> personalArms(Map<String, Object> params) {
        if (caller.hasAny(Roles.HR_ADMIN, Roles.ER_SPECIALIST) || queueTeam() != null) {
            return List.of();
        }
        params.put("me", me());
        List<String> arms = new ArrayList<>(REQUESTER_SIDE);
        arms.add("(r.owner = :me and not r.confidential)");
        return arms;
    }

    /** SQL condition on alias {@code r} matching {@link #seesAsHr}: what counts and reports may include. */
    public String hrClause(Map<String, Object> params) {
        params.put("me", me());
        List<String> open = new ArrayList<>();
        open.add("r.owner = :me");
        if (caller.has(Roles.HR_ADMIN)) {
            open.add("true");
        } else if (queueTeam() != null) {
            params.put("myTeam", queueTeam());
            open.add("r.team = :myTeam");
        }
        String confidential = caller.has(Roles.ER_SPECIALIST) ? "r.confidential" : "false";
        return "(" + confidential + " or (not r.confidential and (" + String.join(" or ", open) + ")))";
    }

    /**
     * {@link #hrClause} as conditions on alias {@code r} that no request meets twice and whose union is
     * {@link #hrClause}, so that a report reads each from its own index: as one OR of team and owner PostgreSQL
     * combines two indexes into a bitmap and reads every row from the table, where the team alone is an index-only
     * scan. Binds its parameters into {@code params}.
     */
    public List<String> hrArms(Map<String, Object> params) {
        params.put("me", me());
        List<String> arms = new ArrayList<>();
        if (caller.has(Roles.ER_SPECIALIST)) {
            arms.add("r.confidential");
        }
        if (caller.has(Roles.HR_ADMIN)) {
            arms.add("not r.confidential");
        } else if (queueTeam() != null) {
            params.put("myTeam", queueTeam());
            arms.add("not r.confidential and r.team = :myTeam");
            arms.add("not r.confidential and r.owner = :me and r.team <> :myTeam");
        } else {
            arms.add("not r.confidential and r.owner = :me");
        }
        return arms;
    }

    private boolean inTeam(HrRequest r) {
        return r.team.equals(queueTeam());
    }

    /** The team whose queue the caller works as hr-agent or hr-lead; none without either role or a team. */
    private String queueTeam() {
        return caller.hasAny(Roles.HR_AGENT, Roles.HR_LEAD) ? caller.team() : null;
    }
}
