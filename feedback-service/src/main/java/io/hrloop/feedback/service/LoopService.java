package io.hrloop.feedback.service;

import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursors;
import io.hrloop.common.problem.ProblemException;
import io.hrloop.feedback.domain.ImprovementStory;
import io.hrloop.feedback.domain.Notification;

/** Closing the loop: implemented improvements told back to the people whose feedback led to them. */
@ApplicationScoped
public class LoopService {

    private final EntityManager entityManager;

    public LoopService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public record Implemented(UUID improvementId, String title, String summary, String area, List<String> themes,
            OffsetDateTime implementedAt, Set<UUID> feedbackIds) {
    }

    /**
     * Publishes the improvement on the feed and notifies each signed author of linked feedback once
     * (an improvement implemented again updates the story and notifies only new contributors).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onImplemented(Implemented event) {
        ImprovementStory story = ImprovementStory.findById(event.improvementId());
        boolean isNew = story == null;
        if (isNew) {
            story = new ImprovementStory();
            story.improvementId = event.improvementId();
        }
        story.title = event.title();
        story.summary = event.summary();
        story.area = event.area();
        story.themes = String.join(",", new LinkedHashSet<>(event.themes()));
        story.feedbackCount = event.feedbackIds().size();
        story.implementedAt = event.implementedAt();
        if (isNew) {
            story.persist();
        }
        entityManager.flush();
        if (event.feedbackIds().isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> authors = entityManager.createNativeQuery("""
                select author, count(*) from feedback
                where id in (?1) and not anonymous and author is not null group by author""")
                .setParameter(1, List.copyOf(event.feedbackIds())).getResultList();
        OffsetDateTime now = Clock.now();
        for (Object[] author : authors) {
            entityManager.createNativeQuery("""
                    insert into notification (id, person_id, improvement_id, your_feedback, created_at)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (person_id, improvement_id) do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, author[0]).setParameter(3, event.improvementId())
                    .setParameter(4, ((Number) author[1]).intValue()).setParameter(5, now).executeUpdate();
        }
    }

    public List<Notification> notifications(String personId, int limit, String cursor) {
        if (cursor == null) {
            return Notification.find("personId = ?1 order by createdAt desc, id desc", personId).page(0, limit).list();
        }
        String[] parts = Cursors.decode(cursor, 2);
        try {
            return Notification.find("personId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) order by createdAt desc, id desc",
                    personId, OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1])).page(0, limit).list();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this service issued");
        }
    }

    @Transactional
    public Notification markRead(String personId, UUID id) {
        Notification notification = Notification.findById(id);
        if (notification == null || !notification.personId.equals(personId)) {
            throw ProblemException.notFound("notification " + id);
        }
        if (notification.readAt == null) {
            notification.readAt = Clock.now();
        }
        return notification;
    }

    public List<ImprovementStory> feed(int limit, String cursor) {
        if (cursor == null) {
            return ImprovementStory.find("order by implementedAt desc, improvementId desc").page(0, limit).list();
        }
        String[] parts = Cursors.decode(cursor, 2);
        try {
            return ImprovementStory.find("implementedAt < ?1 or (implementedAt = ?1 and improvementId < ?2) "
                    + "order by implementedAt desc, improvementId desc", OffsetDateTime.parse(parts[0]), UUID.fromString(parts[1]))
                    .page(0, limit).list();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this service issued");
        }
    }
}
