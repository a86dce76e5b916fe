package io.hrloop.common.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.hrloop.common.db.SessionJdbc;

/**
 * Writes a mail into the mail outbox inside the caller's transaction: the mail goes when the change that calls
 * for it commits, and never otherwise. A consumer writes it in the transaction of the event's inbox record, so a
 * redelivered event (skipped by the inbox) sends no second mail. The relay is woken once the transaction commits.
 */
@ApplicationScoped
public class MailOutbox {

    /** One wake-up per transaction, however many mails it writes. */
    private static final Object WAKE_UP_REGISTERED = new Object();

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry registry;
    private final MailRelay relay;

    public MailOutbox(EntityManager entityManager, TransactionSynchronizationRegistry registry, MailRelay relay) {
        this.entityManager = entityManager;
        this.registry = registry;
        this.relay = relay;
    }

    /** Queues the mail; a mail without an address is not queued (false). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean enqueue(OutgoingMail mail) {
        if (mail.to() == null || mail.to().isBlank()) {
            return false;
        }
        // No entity maps mail_outbox, so the session need not be flushed first (see SessionJdbc: a consumed batch
        // would otherwise pay a pass over its whole session for every mail).
        SessionJdbc.update(entityManager, """
                insert into mail_outbox (person_id, recipient, kind, language, subject, text_body, html_body)
                values (?, ?, ?, ?, ?, ?, ?)""", mail.personId(), mail.to(), mail.kind(), mail.language(),
                mail.subject(), mail.text(), mail.html());
        if (registry.getResource(WAKE_UP_REGISTERED) == null) {
            registry.putResource(WAKE_UP_REGISTERED, Boolean.TRUE);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        relay.wake();
                    }
                }
            });
        }
        return true;
    }

    /** Erasure: the person's mail that has not gone yet (waiting or parked) is deleted. Returns how many. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int forget(String personId) {
        return entityManager.createNativeQuery("delete from mail_outbox where person_id = ?1").setParameter(1, personId)
                .executeUpdate();
    }
}
