package io.hrloop.improvement.service;

import java.util.ArrayList;
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
import io.hrloop.improvement.domain.KnowledgeRanking;
import io.hrloop.improvement.domain.Lesson;
import io.hrloop.improvement.domain.LessonKind;
import io.hrloop.text.Embedder;
import io.hrloop.text.Vectors;

/**
 * Lessons learnt, success stories and best practices. Each lesson keeps the embedding of its title and body; a
 * search with {@code q} finds lessons by words (PostgreSQL full-text search, English stemming, title weighted
 * higher, web-search syntax: "quoted phrases", -excluded, or) and by meaning (the cosine of the query's embedding),
 * blended by {@link KnowledgeRanking}, after the filters of visibility, kind, area and item. Without {@code q}:
 * newest first. Everyone reads the knowledge of implemented and verified items; HR reads all of it, except the
 * knowledge of confidential items, which only er-specialists read.
 *
 * <p>Cost: the ranking compares the query with the embeddings of the lessons that pass the filters, at most
 * {@value #MAX_COMPARED} of them (the newest, plus every full-text match); beyond that a vector index would be
 * needed.
 */
@ApplicationScoped
public class KnowledgeService {

    public record Entry(Lesson lesson, ImprovementItem item) {
    }

    static final int MAX_COMPARED = 5000;

    private final EntityManager entityManager;
    private final ItemQueries items;
    private final Embedder embedder;
    private final Times times;

    public KnowledgeService(EntityManager entityManager, ItemQueries items, Embedder embedder, Times times) {
        this.entityManager = entityManager;
        this.items = items;
        this.embedder = embedder;
        this.times = times;
    }

    @Transactional
    public Entry add(UUID itemId, Access access, String author, LessonKind kind, String title, String body) {
        ImprovementItem item = items.find(itemId, access);
        Lesson lesson = new Lesson();
        lesson.id = UUID.randomUUID();
        lesson.itemId = itemId;
        lesson.kind = kind;
        lesson.title = title.strip();
        lesson.body = body.strip();
        lesson.author = author;
        lesson.createdAt = times.nowUtc();
        lesson.embedding = Vectors.toBytes(embedder.embed(lesson.title + ". " + lesson.body));
        lesson.persist();
        return new Entry(lesson, item);
    }

    public Entry get(UUID lessonId, Access access) {
        Lesson lesson = Lesson.findById(lessonId);
        if (lesson == null || !ItemQueries.visible(ImprovementItem.findById(lesson.itemId), access)) {
            throw DomainException.notFound("knowledge entry " + lessonId);
        }
        return new Entry(lesson, ImprovementItem.findById(lesson.itemId));
    }

    public Page<Entry> search(String q, LessonKind kind, String area, UUID itemId, Access access, int limit,
            String cursor) {
        // Ranked by relevance, which no keyset follows: the cursor is the offset of the next page.
        Cursor after = Cursor.read(cursor, 2);
        long at = after == null ? 0 : after.expect(0, "o").number(1);
        if (at < 0 || at > Integer.MAX_VALUE - limit - 1) {
            throw DomainException.invalid("invalid-cursor", "the cursor is not one this service issued");
        }
        int offset = (int) at;
        if (itemId != null) {
            items.find(itemId, access);
        }
        List<UUID> ranked = q == null || q.isBlank() ? newest(kind, area, itemId, access, offset, limit + 1)
                : ranked(q, kind, area, itemId, access, offset, limit + 1);
        Page<UUID> page = Page.of(ranked, limit, last -> Cursor.of("o", offset + limit));
        List<UUID> ids = page.items();
        if (ids.isEmpty()) {
            return new Page<>(List.of(), null);
        }
        return new Page<>(entries(ids), page.next());
    }

    /**
     * What to show a person before they submit a request about {@code q}: lessons learnt and best practices (not
     * success stories) of implemented and verified items that are not confidential, whoever asks (it is shown to the
     * person about to submit), found by words and meaning as {@link #search} does; those of the request type
     * {@code type} (its area) first ({@link KnowledgeRanking#TYPE_BOOST}), then the others that are as relevant.
     */
    public List<Entry> suggest(String q, String type, int limit) {
        float[] question = embedder.embed(q);
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = entityManager.createNativeQuery("select cast(l.id as text), case when l.search"
                + " @@ query then ts_rank(l.search, query) else 0 end, l.embedding, i.area = :type"
                + " from improvement_lesson l join improvement_item i on i.id = l.item_id,"
                + " websearch_to_tsquery('english', :q) query where i.status in ('IMPLEMENTED', 'VERIFIED')"
                + " and i.confidential = false and l.kind in ('LESSON', 'BEST_PRACTICE')"
                + " order by (i.area = :type) desc, (l.search @@ query) desc, l.created_at desc, l.id")
                .setParameter("q", q).setParameter("type", type == null ? "" : type)
                .setMaxResults(MAX_COMPARED).getResultList();
        List<KnowledgeRanking.Hit> hits = new ArrayList<>(candidates.size());
        for (Object[] row : candidates) {
            byte[] embedding = (byte[]) row[2];
            double cosine = embedding == null ? 0 : Vectors.cosine(question, Vectors.fromBytes(embedding));
            hits.add(new KnowledgeRanking.Hit(UUID.fromString((String) row[0]), ((Number) row[1]).doubleValue(),
                    cosine, Boolean.TRUE.equals(row[3]) ? KnowledgeRanking.TYPE_BOOST : 0));
        }
        return entries(KnowledgeRanking.rank(hits).stream().limit(limit).map(KnowledgeRanking.Hit::lessonId)
                .toList());
    }

    private static List<Entry> entries(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Lesson> lessons = Lesson.<Lesson>list("id in ?1", ids).stream()
                .collect(Collectors.toMap(l -> l.id, Function.identity()));
        Map<UUID, ImprovementItem> owners = ImprovementItem.<ImprovementItem>list("id in ?1",
                lessons.values().stream().map(l -> l.itemId).distinct().toList()).stream()
                .collect(Collectors.toMap(i -> i.id, Function.identity()));
        return ids.stream().map(id -> new Entry(lessons.get(id), owners.get(lessons.get(id).itemId))).toList();
    }

    private List<UUID> newest(LessonKind kind, String area, UUID itemId, Access access, int offset, int rows) {
        Query query = filtered("select l.id from improvement_lesson l join improvement_item i on i.id = l.item_id",
                kind, area, itemId, access, " order by l.created_at desc, l.id", UUID.class);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.setFirstResult(offset).setMaxResults(rows).getResultList();
        return ids;
    }

    /** Full-text rank and cosine of every lesson passing the filters (bounded), blended, then the page. */
    private List<UUID> ranked(String q, LessonKind kind, String area, UUID itemId, Access access, int offset,
            int rows) {
        float[] question = embedder.embed(q);
        Query query = filtered("select cast(l.id as text), case when l.search @@ query then ts_rank(l.search, query)"
                + " else 0 end, l.embedding from improvement_lesson l join improvement_item i on i.id = l.item_id,"
                + " websearch_to_tsquery('english', :q) query", kind, area, itemId, access,
                " order by (l.search @@ query) desc, l.created_at desc, l.id", null);
        query.setParameter("q", q);
        @SuppressWarnings("unchecked")
        List<Object[]> candidates = query.setMaxResults(MAX_COMPARED).getResultList();
        List<KnowledgeRanking.Hit> hits = new ArrayList<>(candidates.size());
        for (Object[] row : candidates) {
            byte[] embedding = (byte[]) row[2];
            double cosine = embedding == null ? 0 : Vectors.cosine(question, Vectors.fromBytes(embedding));
            hits.add(new KnowledgeRanking.Hit(UUID.fromString((String) row[0]), ((Number) row[1]).doubleValue(),
                    cosine));
        }
        return KnowledgeRanking.rank(hits).stream().skip(offset).limit(rows).map(KnowledgeRanking.Hit::lessonId)
                .toList();
    }

    private Query filtered(String select, LessonKind kind, String area, UUID itemId, Access access, String order,
            Class<?> type) {
        StringBuilder sql = new StringBuilder(select).append(" where 1 = 1");
        if (!access.wholeBacklog()) {
            sql.append(" and i.status in ('IMPLEMENTED', 'VERIFIED')");
        }
        if (!access.confidential()) {
            sql.append(" and i.confidential = false");
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
        sql.append(order);
        Query query = type == null ? entityManager.createNativeQuery(sql.toString())
                : entityManager.createNativeQuery(sql.toString(), type);
        if (kind != null) {
            query.setParameter("kind", kind.name());
        }
        if (area != null) {
            query.setParameter("area", area);
        }
        if (itemId != null) {
            query.setParameter("item", itemId);
        }
        return query;
    }
}
