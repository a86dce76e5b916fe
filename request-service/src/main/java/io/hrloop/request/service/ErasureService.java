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
import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.common.mail.MailOutbox;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.common.time.Times;

/**
 * Erasure of a person. Every place this service keeps their identity gets a pseudonym, and free text is
 * redacted: everything the person wrote (subjects and descriptions of requests they filed, comments, decline
 * explanations and alternatives, decision and appeal notes, appeal statements, notes of their history
 * entries, re-triage reasons) and the subject and description of every request about them (as requester or
 * on-behalf-of person), whoever filed it. Their self-service views lose their link to them. Their staff-register
 * entry is pseudonymised and deactivated, stored Idempotency-Key responses that are theirs or name them are
 * deleted, their mail address and language are removed (from their requests and their register entry) and their
 * mail that has not gone yet is deleted. Requests, comments, declines and
 * history entries stay, so counts and service-level figures survive. Repeating it changes nothing here (the
 * person id no longer occurs) and announces the erasure again. The pseudonym is random, so it cannot be
 * turned back into the person id; hr.person.erased carries it to the other services in the same transaction.
 */
@ApplicationScoped
public class ErasureService {

    public static final String REDACTED = "[erased]";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final EntityManager entityManager;
    private final Access access;
    private final AuditLog audit;
    private final StaffRegister staff;
    private final Outbox outbox;
    private final MailOutbox mailOutbox;
    private final Times times;
    private final ErasedPeople erasedPeople;

    public ErasureService(EntityManager entityManager, Access access, AuditLog audit, StaffRegister staff,
            Outbox outbox, MailOutbox mailOutbox, Times times, ErasedPeople erasedPeople) {
        this.erasedPeople = erasedPeople;
        this.mailOutbox = mailOutbox;
        this.entityManager = entityManager;
        this.access = access;
        this.audit = audit;
        this.staff = staff;
        this.outbox = outbox;
        this.times = times;
    }

    public record Erasure(String personId, String pseudonym, Instant erasedAt, String erasedBy, int requests,
            int comments, int declines, int historyEntries, int staffEntries, int idempotencyRecords,
            int suggestionViews) {
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
        // The history first: a DECLINED entry carries the proposer's explanation, found through the decline
        // while it still names the proposer. The history is append-only; this transaction-local setting is
        // the one door its trigger opens.
        entityManager.createNativeQuery("select set_config('hrloop.erasure', 'on', true)").getSingleResult();
        int history = update("""
                update request_audit a set
                    note = case when a.note is not null and a.field in ('owner', 'status', 'decline', 'appeal', 'type', 'priority')
                                 and (a.actor = :p or """ + DECLINED_WITH_THEIR_EXPLANATION + """
                                 ) then :redacted else a.note end,
                    actor = case when a.actor = :p then :ps else a.actor end,
                    before_value = case when a.before_value = :p then :ps else a.before_value end,
                    after_value = case when a.after_value = :p then :ps else a.after_value end
                where a.actor = :p or a.before_value = :p or a.after_value = :p
                   or """ + DECLINED_WITH_THEIR_EXPLANATION, personId, pseudonym);
        int requests = update("""
                update hr_request set
                    subject = case when :p in (requester, on_behalf_of, submitted_by) then :redacted else subject end,
                    description = case when :p in (requester, on_behalf_of, submitted_by) then :redacted
                                       else description end,
                    requester = case when requester = :p then :ps else requester end,
                    on_behalf_of = case when on_behalf_of = :p then :ps else on_behalf_of end,
                    owner = case when owner = :p then :ps else owner end,
                    submitted_by = case when submitted_by = :p then :ps else submitted_by end,
                    requester_email = case when requester = :p then null else requester_email end,
                    requester_locale = case when requester = :p then null else requester_locale end,
                    version = version + 1
                where requester = :p or on_behalf_of = :p or owner = :p or submitted_by = :p""", personId, pseudonym);
        int comments = update("update request_comment set body = :redacted, author = :ps where author = :p", personId,
                pseudonym);
        int declines = update("""
                update request_decline set
                    explanation = case when proposed_by = :p then :redacted else explanation end,
                    alternative = case when proposed_by = :p and alternative is not null then :redacted
                                       else alternative end,
                    decision_note = case when decided_by = :p and decision_note is not null then :redacted
                                         else decision_note end,
                    appeal_statement = case when appealed_by = :p then :redacted else appeal_statement end,
                    appeal_note = case when appeal_decided_by = :p and appeal_note is not null then :redacted
                                       else appeal_note end,
                    proposed_by = case when proposed_by = :p then :ps else proposed_by end,
                    decided_by = case when decided_by = :p then :ps else decided_by end,
                    appealed_by = case when appealed_by = :p then :ps else appealed_by end,
                    appeal_decided_by = case when appeal_decided_by = :p then :ps else appeal_decided_by end,
                    version = version + 1
                where :p in (proposed_by, decided_by, appealed_by, appeal_decided_by)""", personId, pseudonym);
        int staffEntries = update("""
                update staff_member set person_id = :ps, active = false, email = null, locale = null,
                    version = version + 1
                where person_id = :p""", personId, pseudonym);
        update("update staff_member set updated_by = :ps where updated_by = :p", personId, pseudonym);
        // Stored responses are copies of what the person wrote or of requests about them: theirs, and any
        // that names them (a manager's or an integration's submission for them).
        int idempotency = update("delete from idempotency_record where caller = :p or strpos(body, :p) > 0", personId,
                pseudonym);
        // Self-service views stay counted in the deflection report, as nobody's.
        int views = update("update suggestion_view set viewer = null where viewer = :p", personId, pseudonym);
        // Mail to them that has not gone yet (it names them, and goes to their address).
        mailOutbox.forget(personId);
        for (UUID request : affected) {
            audit.record(request, now, admin, "erasure", null, pseudonym, "a person's data was pseudonymised", false);
        }
        staff.forget(personId);
        // The register of erased people, so that a token issued before now enters them in no register again.
        erasedPeople.record(personId, pseudonym);
        outbox.publish(new PersonErased(personId, pseudonym, now.atOffset(ZoneOffset.UTC), admin));
        return new Erasure(personId, pseudonym, now, admin, requests, comments, declines, history, staffEntries,
                idempotency, views);
    }

    /** A DECLINED status entry whose note is the explanation the person proposed (the confirmer is its actor). */
    private static final String DECLINED_WITH_THEIR_EXPLANATION = """
            (a.field = 'status' and a.after_value = 'DECLINED' and exists (select 1 from request_decline d
             where d.request_id = a.request_id and d.proposed_by = :p and d.explanation = a.note))""";

    private int update(String sql, String personId, String pseudonym) {
        var query = entityManager.createNativeQuery(sql).setParameter("p", personId);
        if (sql.contains(":ps")) {
            query.setParameter("ps", pseudonym);
        }
        if (sql.contains(":redacted")) {
            query.setParameter("redacted", REDACTED);
        }
        return query.executeUpdate();
    }
}
