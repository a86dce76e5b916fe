package io.hrloop.feedback.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.contract.ImprovementImplemented;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.domain.ImprovementStory;
import io.hrloop.feedback.domain.Notification;

/** Closing the loop: implemented improvements told back to the people whose feedback led to them. */
@ApplicationScoped
public class LoopService {

    private final EntityManager entityManager;
    private final Times times;
    private final FeedbackMail mail;

    public LoopService(EntityManager entityManager, Times times, FeedbackMail mail) {
        this.mail = mail;
        this.times = times;
        this.entityManager = entityManager;
    }

    /**
     * Publishes the improvement on the feed and notifies each signed author of linked feedback once
     * (an improvement implemented again updates the story and notifies only new contributors).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onImplemented(ImprovementImplemented event) {
        ImprovementStory story = ImprovementStory.findById(event.improvementId());
        boolean isNew = story == null;
        if (isNew) {
            story = new ImprovementStory();
            story.improvementId = event.improvementId();
        }
        story.title = event.title();
        story.summary = event.summary();
        story.area = event.area();
        story.themes = event.themes().stream().map(Theme::key).distinct().collect(Collectors.joining(","));
        story.feedbackCount = event.feedbackCount() != null ? event.feedbackCount() : event.feedbackIds().size();
        story.implementedAt = event.implementedAt();
        if (isNew) {
            story.persist();
        }
        // The event names at most the first linked feedback ids; every link arrived before it, on the same
        // partition (the item is the key), with hr.improvement.evidence-added.
        event.feedbackIds().forEach(id -> linked(event.improvementId(), id.toString()));
        entityManager.flush();
        @SuppressWarnings("unchecked")
        List<Object[]> authors = entityManager.createNativeQuery("""
                select f.author, count(*) from feedback f join improvement_link l on l.feedback_id = f.id
                where l.improvement_id = ?1 and not f.anonymous and f.author is not null group by f.author""")
                .setParameter(1, event.improvementId()).getResultList();
        OffsetDateTime now = times.nowUtc();
        for (Object[] author : authors) {
            int yourFeedback = ((Number) author[1]).intValue();
            int notified = entityManager.createNativeQuery("""
                    insert into notification (id, person_id, improvement_id, your_feedback, created_at)
                    values (?1, ?2, ?3, ?4, ?5) on conflict (person_id, improvement_id) do nothing""")
                    .setParameter(1, UUID.randomUUID()).setParameter(2, author[0]).setParameter(3, event.improvementId())
                    .setParameter(4, yourFeedback).setParameter(5, now).executeUpdate();
            if (notified == 1) {
                mail.youSaidWeDid((String) author[0], story, yourFeedback); // and by mail, for who takes it
            }
        }
    }

    /** Feedback linked to an improvement item (an unreadable id is not feedback of this service: ignored). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linked(UUID improvementId, String feedbackId) {
        UUID id;
        try {
            id = UUID.fromString(feedbackId);
        } catch (IllegalArgumentException e) {
            return;
        }
        entityManager.createNativeQuery("insert into improvement_link (improvement_id, feedback_id, linked_at) "
                + "values (?1, ?2, ?3) on conflict do nothing").setParameter(1, improvementId).setParameter(2, id)
                .setParameter(3, times.nowUtc()).executeUpdate();
    }

    public Page<Notification> notifications(String personId, int limit, String cursor) {
        Cursor after = Cursor.read(cursor, 2);
        List<Notification> found = after == null
                ? Notification.<Notification>find("personId = ?1 order by createdAt desc, id desc", personId)
                        .page(0, limit + 1).list()
                : Notification.<Notification>find("personId = ?1 and (createdAt < ?2 or (createdAt = ?2 and id < ?3)) "
                        + "order by createdAt desc, id desc", personId, after.time(0), after.uuid(1)).page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.createdAt, last.id));
    }

    @Transactional
    public Notification markRead(String personId, UUID id) {
        Notification notification = Notification.findById(id);
        if (notification == null || !notification.personId.equals(personId)) {
            throw DomainException.notFound("notification " + id);
        }
        if (notification.readAt == null) {
            notification.readAt = times.nowUtc();
        }
        return notification;
    }

    public Page<ImprovementStory> feed(int limit, String cursor) {
        Cursor after = Cursor.read(cursor, 2);
        List<ImprovementStory> found = after == null
                ? ImprovementStory.<ImprovementStory>find("order by implementedAt desc, improvementId desc")
                        .page(0, limit + 1).list()
                : ImprovementStory.<ImprovementStory>find("implementedAt < ?1 or (implementedAt = ?1 and improvementId < ?2) "
                        + "order by implementedAt desc, improvementId desc", after.time(0), after.uuid(1))
                        .page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.implementedAt, last.improvementId));
    }
}
