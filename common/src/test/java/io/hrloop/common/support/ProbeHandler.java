package io.hrloop.common.support;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;

/**
 * The test application's consumer of hr.person.erased: records each application in probe_effect, so tests
 * count effects. Person ids name what a test wants from it: "bug-..." fails while {@link #BUG} is set (a
 * handler defect, with a healthy database), "slow-..." takes longer than the consumer may stay out of poll.
 */
@ApplicationScoped
public class ProbeHandler implements EventHandler<PersonErased> {

    public static final AtomicBoolean BUG = new AtomicBoolean();
    public static volatile long slowMillis = 0;

    private final EntityManager entityManager;

    public ProbeHandler(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Class<PersonErased> dataType() {
        return PersonErased.class;
    }

    @Override
    public void handle(PersonErased event, EventMetadata metadata) {
        if (event.personId().startsWith("bug-") && BUG.get()) {
            throw new IllegalStateException("the handler cannot process " + event.personId());
        }
        if (event.personId().startsWith("slow-") && slowMillis > 0) {
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        entityManager.createNativeQuery("insert into probe_effect (event_id, person_id) values (?1, ?2)")
                .setParameter(1, metadata.id()).setParameter(2, event.personId()).executeUpdate();
    }
}
