package io.hrloop.request.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.common.time.Times;

/**
 * Erasure of a person: every place this service keeps their identity gets a pseudonym, and what they
 * wrote as a customer (descriptions, comments, appeal statements, status notes) is redacted. Requests,
 * comments and history entries stay, so counts and service-level figures survive. The pseudonym is
 * random, so it cannot be turned back into the person id; hr.person.erased carries it to the other
 * services in the same transaction.
 */
@ApplicationScoped
public class ErasureService {

    public static final String REDACTED = "[erased]";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final Access access;
    private final AuditLog audit;
    private final Outbox outbox;
    private final Times times;

    public ErasureService(EntityManager entityManager, Access access, AuditLog audit, Outbox outbox, Times times) {
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.outbox = outbox;
        this.times = times;
    }

    public record Erasure(String personId, String pseudonym, Instant erasedAt, String erasedBy, int requests,
            int comments, int declines, int historyEntries) {
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public Erasure erase(String personId) {
        String admin = access.me();
        Instant now = times.now();
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String pseudonym = "erased-" + HexFormat.of().formatHex(bytes);

        List<UUID> affected = entityManager.createNativeQuery("""
                select id from hr_request
                where requester = :p or on_behalf_of = :p or owner = :p or submitted_by = :p""", UUID.class)
                .setParameter("p", personId).getResultList();
        int requests = update("""
                update hr_request set
                    description = case when requester = :p or on_behalf_of = :p then :redacted else description end,
                    requester = case when requester = :p then :ps else requester end,
                    on_behalf_of = case when on_behalf_of = :p then :ps else on_behalf_of end,
                    owner = case when owner = :p then :ps else owner end,
                    submitted_by = case when submitted_by = :p then :ps else submitted_by end,
                    version = version + 1
                where requester = :p or on_behalf_of = :p or owner = :p or submitted_by = :p""", personId, pseudonym);
        int comments = update("""
                update request_comment c set
                    body = case when exists (select 1 from hr_request r where r.id = c.request_id
                                             and (r.requester = :ps or r.on_behalf_of = :ps)) then :redacted else body end,
                    author = :ps
                where author = :p""", personId, pseudonym);
        int declines = update("""
                update request_decline set
                    appeal_statement = case when appealed_by = :p then :redacted else appeal_statement end,
                    proposed_by = case when proposed_by = :p then :ps else proposed_by end,
                    decided_by = case when decided_by = :p then :ps else decided_by end,
                    appealed_by = case when appealed_by = :p then :ps else appealed_by end,
                    appeal_decided_by = case when appeal_decided_by = :p then :ps else appeal_decided_by end,
                    version = version + 1
                where :p in (proposed_by, decided_by, appealed_by, appeal_decided_by)""", personId, pseudonym);
        // The history is append-only; this transaction-local setting is the one door the trigger opens.
        entityManager.createNativeQuery("select set_config('hrloop.erasure', 'on', true)").getSingleResult();
        int history = update("""
                update request_audit a set
                    note = case when a.actor = :p and a.field in ('status', 'appeal')
                                 and exists (select 1 from hr_request r where r.id = a.request_id
                                             and (r.requester = :ps or r.on_behalf_of = :ps))
                                then :redacted else a.note end,
                    actor = case when a.actor = :p then :ps else a.actor end,
                    before_value = case when a.before_value = :p then :ps else a.before_value end,
                    after_value = case when a.after_value = :p then :ps else a.after_value end
                where a.actor = :p or a.before_value = :p or a.after_value = :p""", personId, pseudonym);
        entityManager.createNativeQuery("delete from idempotency_record where caller = :p")
                .setParameter("p", personId).executeUpdate();
        for (UUID request : affected) {
            audit.record(request, now, admin, "erasure", null, pseudonym, "a person's data was pseudonymised", false);
        }
        outbox.publish(new PersonErased(personId, pseudonym, now.atOffset(ZoneOffset.UTC), admin));
        return new Erasure(personId, pseudonym, now, admin, requests, comments, declines, history);
    }

    private int update(String sql, String personId, String pseudonym) {
        var query = entityManager.createNativeQuery(sql).setParameter("p", personId).setParameter("ps", pseudonym);
        if (sql.contains(":redacted")) {
            query.setParameter("redacted", REDACTED);
        }
        return query.executeUpdate();
    }
}
