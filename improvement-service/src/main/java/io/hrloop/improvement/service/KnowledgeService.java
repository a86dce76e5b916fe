package io.hrloop.improvement.service;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.Lesson;
import io.hrloop.improvement.domain.LessonKind;

/**
 * Lessons learnt, success stories and best practices. Search is PostgreSQL full-text search with English
 * stemming over title (weighted higher) and body, ranked by ts_rank; {@code q} takes web-search syntax
 * ("quoted phrases", -excluded, or). Everyone reads the knowledge of implemented and verified items; HR reads
 * all of it.
 */
@ApplicationScoped
public class KnowledgeService {

    public record Entry(Lesson lesson, ImprovementItem item) {
    }

    private final EntityManager entityManager;
    private final ItemQueries items;
    private final Times times;

    public KnowledgeService(EntityManager entityManager, ItemQueries items, Times times) {
        this.entityManager = entityManager;
        this.items = items;
        this.times = times;
    }

    @Transactional
    public Entry add(UUID itemId, String author, LessonKind kind, String title, String body) {
        ImprovementItem item = items.find(itemId, true);
        Lesson lesson = new Lesson();
        lesson.id = UUID.randomUUID();
        lesson.itemId = itemId;
        lesson.kind = kind;
        lesson.title = title.strip();
        lesson.body = body.strip();
        lesson.author = author;
        lesson.createdAt = times.nowUtc();
        lesson.persist();
        return new Entry(lesson, item);
    }

    public Entry get(UUID lessonId, boolean hrView) {
        Lesson lesson = Lesson.findById(lessonId);
        if (lesson == null) {
            throw DomainException.notFound("knowledge entry " + lessonId);
        }
        ImprovementItem item = ImprovementItem.findById(lesson.itemId);
        if (!hrView && !item.status.isPublic()) {
            throw DomainException.notFound("knowledge entry " + lessonId);
        }
        return new Entry(lesson, item);
    }

    public Page<Entry> search(String q, LessonKind kind, String area, UUID itemId, boolean hrView, int limit,
            String cursor) {
        // Ranked by relevance, which no keyset follows: the cursor is the offset of the next page.
        Cursor after = Cursor.read(cursor, 2);
        long at = after == null ? 0 : after.expect(0, "o").number(1);
        if (at < 0 || at > Integer.MAX_VALUE - limit - 1) {
            throw DomainException.invalid("invalid-cursor", "the cursor is not one this service issued");
        }
        int offset = (int) at;
        boolean text = q != null && !q.isBlank();
        StringBuilder sql = new StringBuilder("select l.id from improvement_lesson l join improvement_item i on i.id = l.item_id");
        if (text) {
            sql.append(", websearch_to_tsquery('english', :q) query");
        }
        sql.append(" where 1 = 1");
        if (text) {
            sql.append(" and l.search @@ query");
        }
        if (!hrView) {
            sql.append(" and i.status in ('IMPLEMENTED', 'VERIFIED')");
        }
        if (kind != null) {
            sql.append(" and l.kind = :kind");
        }
        if (area != null) {
            sql.append(" and i.area = :area");
        }
        if (itemId != null) {
            sql.append(" and l.item_id = :item");
        }
        sql.append(text ? " order by ts_rank(l.search, query) desc, l.created_at desc, l.id"
                : " order by l.created_at desc, l.id");
        Query query = entityManager.createNativeQuery(sql.toString(), UUID.class);
        if (text) {
            query.setParameter("q", q);
        }
        if (kind != null) {
            query.setParameter("kind", kind.name());
        }
        if (area != null) {
            query.setParameter("area", area);
        }
        if (itemId != null) {
            query.setParameter("item", itemId);
        }
        @SuppressWarnings("unchecked")
        Page<UUID> page = Page.of(query.setFirstResult(offset).setMaxResults(limit + 1).getResultList(), limit,
                last -> Cursor.of("o", offset + limit));
        List<UUID> ids = page.items();
        if (ids.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        Map<UUID, Lesson> lessons = Lesson.<Lesson>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        Map<UUID, ImprovementItem> owners = ImprovementItem.<ImprovementItem>list("id in ?1",
                lessons.values().stream().map(l -> l.itemId).distinct().toList()).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        return page.map(id -> new Entry(lessons.get(id), owners.get(lessons.get(id).itemId)));
    }
}
