package io.hrloop.feedback.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.common.mail.MailOutbox;
import io.quarkus.logging.Log;

/**
 * Erasure of a person: every reference to them becomes their pseudonym, the free text they wrote or that is about
 * them is removed (it may name them), their open invitations end, their address, preference and pending mail are
 * deleted, and every count and rollup stays as it was.
 * Anonymous feedback and its submission fingerprints name no one and cannot be tied to anyone: they stay. A repeated
 * erasure finds nothing left to change. The person goes into the register of erased people ({@link ErasedPeople}), so
 * that an hr.requests event about them consumed after this (hr.requests lagging behind hr.people) writes their
 * pseudonym and nothing else of theirs.
 */
@ApplicationScoped
public class ErasureService {

    private final EntityManager entityManager;
    private final MailOutbox mailOutbox;
    private final Contacts contacts;
    private final SurveyService surveys;
    private final ErasedPeople erasedPeople;

    public ErasureService(EntityManager entityManager, MailOutbox mailOutbox, Contacts contacts, SurveyService surveys,
            ErasedPeople erasedPeople) {
        this.surveys = surveys;
        this.erasedPeople = erasedPeople;
        this.entityManager = entityManager;
        this.mailOutbox = mailOutbox;
        this.contacts = contacts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void erase(String personId, String pseudonym) {
        // First the lock of their survey decisions: a consumed batch deciding for them (hr.requests has a consumer loop of
        // its own) commits before the statements below look, so its invitation, address and mail are erased too.
        surveys.erasing(personId);
        // Recorded first, under that lock: a decision for them that waits for it finds them erased once it may look.
        erasedPeople.record(personId, pseudonym);
        // Their signed feedback: the comment they wrote goes, the scores stay (they are in the rollups).
        int feedback = update("update feedback set author = ?2, comment = null, comment_erased = (comment is not null) "
                + "where author = ?1", personId, pseudonym);
        // Ended by expiry rather than withdrawal: a withdrawn invitation would leave the response-rate counts.
        update("update survey_invitation set expires_at = least(expires_at, now()) where person_id = ?1 and status = 'PENDING'",
                personId, null);
        // An invitation quotes the subject of the person's request.
        update("update survey_invitation set person_id = ?2, subject = null where person_id = ?1", personId, pseudonym);
        // A follow-up's note is about the person who answered, or written by the lead who closed it.
        update("update follow_up set note = null where (person_id = ?1 or assignee = ?1) and note is not null", personId, null);
        update("update follow_up set person_id = ?2 where person_id = ?1", personId, pseudonym);
        update("update follow_up set assignee = ?2 where assignee = ?1", personId, pseudonym);
        update("update notification set person_id = ?2 where person_id = ?1", personId, pseudonym);
        // What this service knows of their requests: the subject is theirs.
        update("update request_snapshot set requester = ?2, subject = null where requester = ?1", personId, pseudonym);
        // Stored responses to the person's retried requests may quote them; they only serve retries.
        update("delete from idempotency_record where caller = ?1", personId, null);
        // Their address, language and mail preference, and their mail that has not gone yet.
        update("delete from person_contact where person_id = ?1", personId, null);
        mailOutbox.forget(personId);
        contacts.forget(personId);
        surveys.erased(personId);
        Log.infof("Erased a person into %s (%d pieces of signed feedback pseudonymised)", pseudonym, feedback);
    }

    private int update(String sql, String personId, String pseudonym) {
        var query = entityManager.createNativeQuery(sql).setParameter(1, personId);
        if (pseudonym != null) {
            query.setParameter(2, pseudonym);
        }
        return query.executeUpdate();
    }
}
