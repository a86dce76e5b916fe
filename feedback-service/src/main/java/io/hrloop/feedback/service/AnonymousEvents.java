package io.hrloop.feedback.service;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.jobs.ClusterLock;
import io.hrloop.common.outbox.Outbox;
import io.quarkus.scheduler.Scheduled;

/**
 * The hr.feedback.received events of anonymous feedback. Published at once, an event's offset among the
 * signed events around it, and its moment of publication, would say roughly when it was given; so it
 * is held (in the submitting transaction, nothing is lost) and released with the others of the period
 * in random order, stamped with the date only.
 */
@ApplicationScoped
public class AnonymousEvents {

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final ClusterLock lock;

    public AnonymousEvents(EntityManager entityManager, Outbox outbox, ObjectMapper mapper, ClusterLock lock) {
        this.lock = lock;
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.mapper = mapper;
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
     * Moves every held event to the outbox in random order, once across replicas (a cluster lock): a release
     * split between replicas would publish smaller, less shuffled batches.
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
        for (Object[] row : held) {
            FeedbackReceived event;
            try {
                event = mapper.readValue((String) row[1], FeedbackReceived.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("held event unreadable", e);
            }
            outbox.publish(event, event.receivedOn().atStartOfDay().atOffset(ZoneOffset.UTC));
            entityManager.createNativeQuery("delete from anonymous_release where feedback_id = ?1").setParameter(1, row[0])
                    .executeUpdate();
        }
    }
}
