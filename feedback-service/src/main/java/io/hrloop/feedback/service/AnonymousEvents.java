package io.hrloop.feedback.service;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.events.EventCatalog;
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

    public AnonymousEvents(EntityManager entityManager, Outbox outbox, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(UUID feedbackId, Object data) {
        try {
            entityManager.createNativeQuery("insert into anonymous_release (feedback_id, payload) values (?1, ?2)")
                    .setParameter(1, feedbackId).setParameter(2, mapper.writeValueAsString(data)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data is not serialisable", e);
        }
    }

    /** Moves every held event to the outbox in random order; replicas share the work through row locks. */
    @Scheduled(every = "{hrloop.feedback.anonymous-release-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void release() {
        @SuppressWarnings("unchecked")
        List<Object[]> held = new ArrayList<>(entityManager.createNativeQuery(
                "select feedback_id, payload from anonymous_release for update skip locked").getResultList());
        Collections.shuffle(held);
        for (Object[] row : held) {
            JsonNode data;
            try {
                data = mapper.readTree((String) row[1]);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("held event unreadable", e);
            }
            LocalDate day = LocalDate.parse(data.path("receivedOn").asText());
            outbox.publish(EventCatalog.FEEDBACK_RECEIVED, row[0].toString(), data, day.atStartOfDay().atOffset(ZoneOffset.UTC));
            entityManager.createNativeQuery("delete from anonymous_release where feedback_id = ?1").setParameter(1, row[0])
                    .executeUpdate();
        }
    }
}
