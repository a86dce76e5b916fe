package io.hrloop.common.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.inbox.BatchEnd;
import io.hrloop.common.inbox.EventHandler;
import io.hrloop.common.inbox.EventMetadata;

/**
 * The test application's consumer of hr.person.erased: records each application in probe_effect, so tests
 * count effects. Person ids name what a test wants from it: "bug-..." fails while {@link #BUG} is set (a
 * handler defect, with a healthy database), "slow-..." takes {@link #slowMillis} (counting down {@link #slowStarted}
 * first), "tally-&lt;key&gt;-..." adds one to {@code probe_tally} row {@code key} at the end of its batch ({@link BatchEnd}).
 */
@ApplicationScoped
public class ProbeHandler implements EventHandler<PersonErased> {

    public static final AtomicBoolean BUG = new AtomicBoolean();
    public static volatile long slowMillis = 0;
    public static volatile CountDownLatch slowStarted = new CountDownLatch(1);

    private final EntityManager entityManager;
    private final BatchEnd batchEnd;

    public ProbeHandler(EntityManager entityManager, BatchEnd batchEnd) {
        this.entityManager = entityManager;
        this.batchEnd = batchEnd;
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
        if (event.personId().startsWith("tally-")) {
            String key = event.personId().split("-")[1];
            batchEnd.work("tally:" + key, () -> new Tally(key)).orElseThrow().n++;
        }
        if (event.personId().startsWith("slow-") && slowMillis > 0) {
            slowStarted.countDown();
            try {
                Thread.sleep(slowMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        entityManager.createNativeQuery("insert into probe_effect (event_id, person_id) values (?1, ?2)")
                .setParameter(1, metadata.id()).setParameter(2, event.personId()).executeUpdate();
    }

    /** One batch's additions to a tally row, written once at its end. */
    private final class Tally implements Runnable {
        private final String key;
        private long n;

        Tally(String key) {
            this.key = key;
        }

        @Override
        public void run() {
            entityManager.createNativeQuery("insert into probe_tally (tally_key, n) values (?1, ?2) "
                    + "on conflict (tally_key) do update set n = probe_tally.n + excluded.n")
                    .setParameter(1, key).setParameter(2, n).executeUpdate();
        }
    }
}
