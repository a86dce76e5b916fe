package io.hrloop.request.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.db.DatabaseTrouble;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.common.security.Roles;
import io.hrloop.common.security.Sightings;
import io.hrloop.common.time.Times;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.StaffMember;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The staff register: who may own requests. A person's token is the truth about their HR roles and team;
 * each replica writes what it sees at most once an hour per person, and at once when the roles or team in
 * the token change. hr-admin enters people who have not called yet and takes people out ({@code active:
 * false}, which no token undoes).
 */
@ApplicationScoped
public class StaffRegister {

    private final Sightings sightings = new Sightings();

    private final EntityManager entityManager;
    private final Access access;
    private final Times times;

    public StaffRegister(EntityManager entityManager, Access access, Times times) {
        this.entityManager = entityManager;
        this.access = access;
        this.times = times;
    }

    /**
     * Notes that {@code personId} called with these roles and team. Cheap on the hot path: nothing is written
     * when this replica wrote the same within the hour. Never fails the call: a database that does not answer
     * only pauses the sightings for a while (a failed write is tried again at the next call after that).
     */
    public void sighted(String personId, Collection<String> roles, String teamClaim) {
        sighted(personId, roles, teamClaim, null, null, null);
    }

    /**
     * As above, with the address and language of the member's token (service-level alerts go there) and when it
     * was issued: a token issued before the person's erasure (or one that does not say when) enters no one.
     */
    public void sighted(String personId, Collection<String> roles, String teamClaim, String email, String locale,
            Instant issuedAt) {
        String hrRoles = StaffMember.hrRoles(roles);
        String team = teamClaim == null || teamClaim.length() > 100 ? null : teamClaim;
        String fingerprint = hrRoles + "|" + team + "|" + email + "|" + locale;
        Instant now = times.now();
        if (!sightings.due(personId, fingerprint, now)) {
            return;
        }
        if (hrRoles.isEmpty()) {
            // Most callers have no HR role: their call never waits on the register. Only a former member's
            // entry changes (it loses its roles), in the background.
            Infrastructure.getDefaultWorkerPool()
                    .execute(() -> record(personId, hrRoles, team, email, locale, now, issuedAt));
        } else {
            // Staff are recorded before their call goes on, so that they can be given a request right after.
            record(personId, hrRoles, team, email, locale, now, issuedAt);
        }
    }

    private void record(String personId, String hrRoles, String team, String email, String locale, Instant now,
            Instant issuedAt) {
        try {
            int written = QuarkusTransaction.requiringNew()
                    .call(() -> write(personId, hrRoles, team, email, locale, now, issuedAt));
            if (written == 0 && !hrRoles.isEmpty()) {
                // Erased since the token was issued: not noted as seen, so that a token issued after the erasure
                // enters them at its first call.
                sightings.forget(personId);
            }
        } catch (RuntimeException e) {
            if (DatabaseTrouble.isDatabaseTrouble(e)) {
                sightings.failed(personId, now, true);
                Log.debug("Staff sightings paused: the database does not answer");
                return;
            }
            Log.warnf("Staff sighting of %s not recorded: %s", personId, e.getClass().getSimpleName());
        }
    }

    /** Records the caller at once, inside the current transaction (before they take a request themself). */
    public void sightCaller() {
        String team = access.team() == null || access.team().length() > 100 ? null : access.team();
        write(access.me(), StaffMember.hrRoles(access.roles()), team, access.email(), access.locale(), times.now(),
                access.issuedAt());
    }

    /** Forgets what this replica wrote of a person (after an erasure, their next call is a new sighting). */
    public void forget(String personId) {
        sightings.forget(personId);
    }

    /**
     * Writes the caller's entry; 0 rows when there was nothing to change, or when the person was erased since the
     * token was issued (the erasure's register, {@code erased_person}, is asked in the insert itself).
     */
    private int write(String personId, String hrRoles, String team, String email, String locale, Instant now,
            Instant issuedAt) {
        if (hrRoles.isEmpty()) {
            // No HR role (any more): a register entry loses its roles; nobody else enters the register.
            return entityManager.createNativeQuery("""
                    update staff_member set roles = '', source = 'TOKEN', last_seen_at = :now, updated_at = :now,
                        updated_by = null, version = version + 1
                    where person_id = :p and roles <> ''""")
                    .setParameter("p", personId).setParameter("now", now.atOffset(ZoneOffset.UTC)).executeUpdate();
        }
        // Team and roles follow the token; a row whose team and roles the token confirms keeps its version. The
        // address and language follow the token too (they are not part of the entry hr-admin manages).
        String changed = "(staff_member.team is distinct from excluded.team or staff_member.roles <> excluded.roles)";
        return ErasedPeople.bindNotErasedSince(entityManager.createNativeQuery("""
                insert into staff_member (person_id, team, roles, active, source, last_seen_at, updated_at, version,
                    email, locale)
                select :p, cast(:team as varchar(100)), :roles, true, 'TOKEN', :now, :now, 0,
                    cast(:email as varchar(320)), cast(:locale as varchar(35))
                where %2$s
                on conflict (person_id) do update set last_seen_at = excluded.last_seen_at,
                    team = excluded.team, roles = excluded.roles, email = excluded.email, locale = excluded.locale,
                    source = case when %1$s then 'TOKEN' else staff_member.source end,
                    updated_at = case when %1$s then excluded.updated_at else staff_member.updated_at end,
                    updated_by = case when %1$s then null else staff_member.updated_by end,
                    version = staff_member.version + case when %1$s then 1 else 0 end""".formatted(changed,
                        ErasedPeople.notErasedSince(issuedAt)))
                .setParameter("p", personId).setParameter("team", team).setParameter("roles", hrRoles)
                .setParameter("email", email).setParameter("locale", locale)
                .setParameter("now", now.atOffset(ZoneOffset.UTC)), personId, issuedAt).executeUpdate();
    }

    /** Refuses (422 {@code owner-not-eligible}) an owner the register does not allow for this request. */
    public void requireOwner(String owner, HrRequest r) {
        StaffMember member = StaffMember.findById(owner);
        String why = member == null ? owner + " is not in the staff register (people enter it when they call this "
                + "service with an HR role, or through PUT /api/v1/staff/{personId})"
                : member.whyNotOwnerOf(r.team, r.confidential);
        if (why != null) {
            String who = r.confidential ? "an active er-specialist" : "an active hr-agent or hr-lead of team " + r.team;
            throw DomainException.unprocessable("owner-not-eligible", "only " + who + " can own this request: " + why)
                    .with("owner", owner);
        }
    }

    public StaffMember get(String personId) {
        StaffMember member = StaffMember.findById(personId);
        if (member == null) {
            throw DomainException.notFound("staff member " + personId);
        }
        return member;
    }

    /** The register by person id; {@code team} and {@code active} narrow it. */
    public Page<StaffMember> list(String team, Boolean active, String cursor, int limit) {
        Cursor after = Cursor.read(cursor, 1);
        StringBuilder query = new StringBuilder("personId > :after");
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("after", after == null ? "" : after.text(0));
        if (team != null) {
            query.append(" and team = :team");
            params.put("team", team);
        }
        if (active != null) {
            query.append(" and active = :active");
            params.put("active", active);
        }
        List<StaffMember> found = StaffMember.<StaffMember>find(query + " order by personId", params)
                .page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.personId));
    }

    public record Entry(StaffMember member, boolean created) {
    }

    /** hr-admin enters or replaces a person's entry. */
    @Transactional
    public Entry put(String personId, String ifMatch, String team, List<String> roles, boolean active) {
        for (String role : roles) {
            if (!StaffMember.HR_ROLES.contains(role)) {
                throw invalid("roles", "'" + role + "' is not an HR role; use " + StaffMember.HR_ROLES);
            }
        }
        if ((roles.contains(Roles.HR_AGENT) || roles.contains(Roles.HR_LEAD)) && (team == null || team.isBlank())) {
            throw invalid("team", "an hr-agent or hr-lead belongs to a team");
        }
        StaffMember member = StaffMember.findById(personId);
        boolean created = member == null;
        if (created) {
            member = new StaffMember();
            member.personId = personId;
        } else {
            ETags.require(ifMatch, member.version);
        }
        member.team = team == null || team.isBlank() ? null : team;
        member.roles = StaffMember.hrRoles(roles);
        member.active = active;
        member.source = StaffMember.Source.ADMIN;
        member.updatedAt = times.nowUtc();
        member.updatedBy = access.me();
        if (created) {
            member.persist();
        }
        entityManager.flush();
        return new Entry(member, created);
    }

    private static DomainException invalid(String field, String message) {
        return DomainException.invalid("validation", field + ": " + message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }
}
