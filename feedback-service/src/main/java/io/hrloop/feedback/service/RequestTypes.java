package io.hrloop.feedback.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.hrloop.feedback.config.FeedbackConfig;

/** What this service knows of a request type, from the request events it has seen (it owns no catalogue). */
@ApplicationScoped
public class RequestTypes {

    private final EntityManager entityManager;
    private final FeedbackConfig config;

    public RequestTypes(EntityManager entityManager, FeedbackConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    public record TypeInfo(String key, String team, boolean confidential) {
    }

    /** The owning team of the latest request of this type, and whether the type is confidential. */
    public TypeInfo describe(String key) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select team, confidential from request_snapshot where request_type = ?1
                order by last_event_time desc limit 1""").setParameter(1, key).getResultList();
        String team = rows.isEmpty() ? null : (String) rows.getFirst()[0];
        boolean seenConfidential = !rows.isEmpty() && Boolean.TRUE.equals(rows.getFirst()[1]);
        return new TypeInfo(key, team, seenConfidential || config.confidentialRequestTypes().contains(key));
    }
}
