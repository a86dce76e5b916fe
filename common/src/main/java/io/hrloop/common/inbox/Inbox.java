package io.hrloop.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The processed-event table: written in the same transaction as the consumer's effect. */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records the event; false when this consumer already processed it (the caller then does nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String consumer, String type) {
        int inserted = entityManager.createNativeQuery(
                "insert into inbox_event (event_id, consumer, event_type) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, consumer)
                .setParameter(3, type)
                .executeUpdate();
        return inserted == 1;
    }
}
