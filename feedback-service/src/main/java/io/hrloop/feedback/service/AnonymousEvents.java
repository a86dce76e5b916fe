package io.hrloop.feedback.service;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.jobs.ClusterLock;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.feedback.domain.Feedback;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The release of anonymous feedback. Seen at once (in a list, a count, a rollup, a metric or an event's offset
 * among the signed events around it) it would say roughly when it was given and so, beside the signed activity
 * of the same minutes, by whom; so it is held (in the submitting transaction, nothing is lost) and brought into
 * sight with the others of the period in one batch: marked released, added to the rollups and its events
 * published in random order, stamped with the date only.
 */
@ApplicationScoped
public class AnonymousEvents {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ClusterLock lock;
    private final FeedbackCounts counts;

    public AnonymousEvents(EntityManager entityManager, Outbox outbox, ObjectMapper mapper, ClusterLock lock,
            FeedbackCounts counts) {
        this.lock = lock;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.mapper = mapper;
        this.counts = counts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(FeedbackReceived event) {
        try {
            entityManager.createNativeQuery("insert into anonymous_release (feedback_id, payload) values (?1, ?2)")
                    .setParameter(1, event.feedbackId()).setParameter(2, mapper.writeValueAsString(event)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is not serialisable", e);
        }
    }

    /**
     * Releases every held piece in one transaction, once across replicas (a cluster lock: a release split between
     * replicas would publish smaller, less shuffled batches): each is marked released and counted, and its event
     * moves to the outbox, in random order.
     */
    @Scheduled(every = "{hrloop.feedback.anonymous-release-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void release() {
        if (!lock.tryAcquire("anonymous-release")) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> held = new ArrayList<>(entityManager.createNativeQuery(
                "select feedback_id, payload from anonymous_release for update skip locked").getResultList());
        Collections.shuffle(held);
        List<Feedback> released = new ArrayList<>();
        for (Object[] row : held) {
            UUID id = (UUID) row[0];
            FeedbackReceived event;
            try {
                event = mapper.readValue((String) row[1], FeedbackReceived.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("held event unreadable", e);
            }
            outbox.publish(event, event.receivedOn().atStartOfDay().atOffset(ZoneOffset.UTC));
            // Rows held before release batches existed were in sight already: only the not yet released count now.
            if (entityManager.createNativeQuery("update feedback set released = true where id = ?1 and not released")
                    .setParameter(1, id).executeUpdate() == 1) {
                released.add(Feedback.findById(id));
            }
            entityManager.createNativeQuery("delete from anonymous_release where feedback_id = ?1").setParameter(1, id)
                    .executeUpdate();
        }
        counts.count(released);
        if (!held.isEmpty()) {
            Log.infof("Released %d pieces of anonymous feedback", held.size());
        }
    }
}
