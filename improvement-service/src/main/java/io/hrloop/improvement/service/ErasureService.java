package io.hrloop.improvement.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.EvidenceKind;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.text.Embedder;
import io.hrloop.text.EvidenceProfile;
import io.quarkus.logging.Log;

/**
 * Erasure of a person (hr.person.erased), in one transaction:
 * <ul>
 * <li>the excerpts of their signed feedback are removed, and so are the vectors derived from them: each excerpt is
 * embedded again (it is what was embedded) and taken out of its item's evidence profile and its area's centre;</li>
 * <li>the comments they wrote on items are redacted ({@value #REDACTED}); the lessons they wrote stay (knowledge HR
 * wrote for everyone, about a process, not about them) with the author pseudonymised;</li>
 * <li>their id becomes the pseudonym wherever it is held: as a contributor of evidence, owner, creator, author, actor
 * of a status change, and
 * in idempotency records, whose stored responses (which may repeat what they wrote) are dropped.</li>
 * </ul>
 * The pseudonym is one per person, so counts, distinct people, impact and every aggregate stay as they were; a
 * repeated erasure finds nothing left to change. The person goes into the register of erased people, so that their
 * feedback consumed later (hr.feedback lagging behind hr.people) arrives with the pseudonym and without its comment. Anonymous feedback names nobody and is not reached; comments of the
 * person that were not negative count only inside an area's centre (a mean over all of the area's comments).
 */
@ApplicationScoped
public class ErasureService {

    static final String REDACTED = "(removed: the author's data was erased)";

    private final EntityManager entityManager;
    private final AreaLock areaLock;
    private final AreaCentres centres;
    private final Embedder embedder;
    private final ErasedPeople erasedPeople;

    public ErasureService(EntityManager entityManager, AreaLock areaLock, AreaCentres centres, Embedder embedder,
            ErasedPeople erasedPeople) {
        this.erasedPeople = erasedPeople;
        this.entityManager = entityManager;
        this.areaLock = areaLock;
        this.centres = centres;
        this.embedder = embedder;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void pseudonymise(String personId, String pseudonym) {
        erasedPeople.record(personId, pseudonym);
        int rows = eraseExcerpts(personId);
        rows += update("update improvement_evidence set person_id = ?2 where person_id = ?1", personId, pseudonym);
        // owner and creator are bookkeeping: no version bump, so open ETags stay valid
        rows += update("update improvement_item set owner = ?2 where owner = ?1", personId, pseudonym);
        rows += update("update improvement_item set created_by = ?2 where created_by = ?1", personId, pseudonym);
        rows += update("update improvement_item_history set actor = ?2 where actor = ?1", personId, pseudonym);
        rows += entityManager.createNativeQuery("update improvement_comment set author = ?2, body = ?3 where author = ?1")
                .setParameter(1, personId).setParameter(2, pseudonym).setParameter(3, REDACTED).executeUpdate();
        rows += update("update improvement_lesson set author = ?2 where author = ?1", personId, pseudonym);
        rows += update("update idempotency_record set caller = ?2, body = null where caller = ?1", personId, pseudonym);
        Log.infof("Erasure: %d rows pseudonymised or redacted", rows);
    }

    /** The person's signed feedback loses its excerpt, and its item and area the vector embedded from it. */
    private int eraseExcerpts(String personId) {
        List<Evidence> evidence = Evidence.list("personId = ?1 and kind = ?2 and excerpt is not null", personId,
                EvidenceKind.FEEDBACK);
        if (evidence.isEmpty()) {
            return 0;
        }
        List<ImprovementItem> affected = ImprovementItem.list("id in ?1",
                evidence.stream().map(e -> e.itemId).distinct().toList());
        // Spawning changes profiles and centres under the area's lock: so does this.
        areaLock.lockAll(affected.stream().map(i -> i.area).distinct().toList());
        for (ImprovementItem item : affected) {
            entityManager.refresh(item);
            EvidenceProfile profile = item.evidenceProfile == null ? null : EvidenceProfile.fromBytes(item.evidenceProfile);
            for (Evidence e : evidence) {
                if (!e.itemId.equals(item.id)) {
                    continue;
                }
                float[] embedding = embedder.embed(e.excerpt);
                if (profile != null) {
                    profile.remove(embedding);
                }
                centres.remove(item.area, embedding);
                e.excerpt = null;
            }
            if (profile != null) {
                // a plain update, as for the owner: the item's version (ETag) stays
                entityManager.createQuery("update ImprovementItem set evidenceProfile = :profile where id = :id")
                        .setParameter("profile", profile.toBytes()).setParameter("id", item.id).executeUpdate();
            }
        }
        // written now, before the id updates below rewrite the same rows (a later flush would put the old id back)
        entityManager.flush();
        return evidence.size();
    }

    private int update(String sql, String personId, String pseudonym) {
        return entityManager.createNativeQuery(sql).setParameter(1, personId).setParameter(2, pseudonym)
                .executeUpdate();
    }
}
