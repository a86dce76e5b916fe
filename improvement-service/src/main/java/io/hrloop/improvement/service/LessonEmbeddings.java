package io.hrloop.improvement.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.jobs.ClusterLock;
import io.hrloop.improvement.domain.Lesson;
import io.hrloop.text.Embedder;
import io.hrloop.text.Vectors;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Lessons written before knowledge search used embeddings have none: until they get one they are found by words
 * only. This job embeds them, a batch at a time, once across replicas (a new lesson is embedded when it is written).
 */
@ApplicationScoped
public class LessonEmbeddings {

    static final int BATCH = 50;

    private final EntityManager entityManager;
    private final ClusterLock lock;
    private final Embedder embedder;

    public LessonEmbeddings(EntityManager entityManager, ClusterLock lock, Embedder embedder) {
        this.entityManager = entityManager;
        this.lock = lock;
        this.embedder = embedder;
    }

    @Scheduled(every = "10m", delay = 2, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void embedMissing() {
        if (!lock.tryAcquire("lesson-embeddings")) {
            return;
        }
        List<UUID> ids = entityManager.createQuery("select l.id from Lesson l where l.embedding is null"
                + " order by l.createdAt", UUID.class).setMaxResults(BATCH).getResultList();
        for (UUID id : ids) {
            Lesson lesson = Lesson.findById(id);
            lesson.embedding = Vectors.toBytes(embedder.embed(lesson.title + ". " + lesson.body));
        }
        if (!ids.isEmpty()) {
            Log.infof("Embedded %d lessons written before knowledge search used embeddings", ids.size());
        }
    }
}
