package io.hrloop.improvement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

/**
 * Replaces an erased person's id by the pseudonym wherever this service holds it: as a contributor of
 * evidence, and as an owner, creator or author. The pseudonym is one per person, so distinct-people
 * counts, impact scores and everything else computed from the evidence stay as they were.
 */
@ApplicationScoped
public class ErasureService {

    private final EntityManager entityManager;

    public ErasureService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pseudonymise(String personId, String pseudonym) {
        int rows = 0;
        rows += update("update improvement_evidence set person_id = ?2 where person_id = ?1", personId, pseudonym);
        // owner and creator are bookkeeping: no version bump, so open ETags stay valid
        rows += update("update improvement_item set owner = ?2 where owner = ?1", personId, pseudonym);
        rows += update("update improvement_item set created_by = ?2 where created_by = ?1", personId, pseudonym);
        rows += update("update improvement_comment set author = ?2 where author = ?1", personId, pseudonym);
        rows += update("update improvement_lesson set author = ?2 where author = ?1", personId, pseudonym);
        rows += update("update idempotency_record set caller = ?2 where caller = ?1", personId, pseudonym);
        Log.infof("Erasure: %d rows pseudonymised", rows);
    }

    private int update(String sql, String personId, String pseudonym) {
        return entityManager.createNativeQuery(sql).setParameter(1, personId).setParameter(2, pseudonym)
                .executeUpdate();
    }
}
