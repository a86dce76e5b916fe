package io.hrloop.improvement.service;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.EvidenceKind;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;

/** Reading the backlog: one item, the list with its filters and orders, an item's evidence. */
@ApplicationScoped
public class ItemQueries {

    private final EntityManager entityManager;

    public ItemQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The item if the caller may see it: confidential items only with confidential access, and without the whole
     * backlog only implemented and verified items.
     */
    public ImprovementItem find(UUID id, Access access) {
        ImprovementItem item = ImprovementItem.findById(id);
        if (item == null || !visible(item, access)) {
            throw DomainException.notFound("improvement item " + id);
        }
        return item;
    }

    public static boolean visible(ImprovementItem item, Access access) {
        return (!item.confidential || access.confidential()) && (access.wholeBacklog() || item.status.isPublic());
    }

    public Page<ImprovementItem> list(ItemQuery query) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        List<ItemStatus> statuses = query.statuses();
        if (!query.access().confidential()) {
            if (Boolean.TRUE.equals(query.confidential())) {
                return new Page<>(List.of(), null);
            }
            where.append(" and i.confidential = false");
        } else if (query.confidential() != null) {
            where.append(" and i.confidential = :confidential");
            params.put("confidential", query.confidential());
        }
        if (!query.access().wholeBacklog()) {
            statuses = (statuses == null || statuses.isEmpty() ? List.of(ItemStatus.IMPLEMENTED, ItemStatus.VERIFIED)
                    : statuses).stream().filter(ItemStatus::isPublic).toList();
            if (statuses.isEmpty()) {
                return new Page<>(List.of(), null);
            }
        }
        if (statuses != null && !statuses.isEmpty()) {
            where.append(" and i.status in :statuses");
            params.put("statuses", statuses);
        }
        if (query.area() != null) {
            where.append(" and i.area = :area");
            params.put("area", query.area());
        }
        if (query.theme() != null) {
            where.append(" and i.storedThemes like :theme");
            params.put("theme", "%," + query.theme() + ",%");
        }
        String order = switch (query.sort()) {
            case PRIORITY -> " order by coalesce(i.priority, -1) desc, i.impactScore desc, i.id";
            case IMPACT -> " order by i.impactScore desc, i.id";
            case CREATED -> " order by i.createdAt desc, i.id";
        };
        // The cursor names its sort ("p", "i" or "c"), so that it cannot be used with another order.
        String key = query.sort().name().substring(0, 1).toLowerCase(Locale.ROOT);
        Cursor after = Cursor.read(query.cursor(), query.sort() == ItemQuery.Sort.PRIORITY ? 4 : 3);
        if (after != null) {
            after.expect(0, key);
            switch (query.sort()) {
                case PRIORITY -> {
                    where.append(" and (coalesce(i.priority, -1) < :c1 or (coalesce(i.priority, -1) = :c1"
                            + " and (i.impactScore < :c2 or (i.impactScore = :c2 and i.id > :cid))))");
                    params.put("c1", after.decimal(1));
                    params.put("c2", after.decimal(2));
                    params.put("cid", after.uuid(3));
                }
                case IMPACT -> {
                    where.append(" and (i.impactScore < :c1 or (i.impactScore = :c1 and i.id > :cid))");
                    params.put("c1", after.decimal(1));
                    params.put("cid", after.uuid(2));
                }
                case CREATED -> {
                    where.append(" and (i.createdAt < :c1 or (i.createdAt = :c1 and i.id > :cid))");
                    params.put("c1", inRange(after.time(1)));
                    params.put("cid", after.uuid(2));
                }
            }
        }
        TypedQuery<ImprovementItem> q = entityManager.createQuery("select i from ImprovementItem i " + where + order,
                ImprovementItem.class);
        params.forEach(q::setParameter);
        List<ImprovementItem> rows = q.setMaxResults(query.limit() + 1).getResultList();
        return Page.of(rows, query.limit(), last -> switch (query.sort()) {
            case PRIORITY -> Cursor.of(key, last.priority == null ? -1.0 : last.priority, last.impactScore, last.id);
            case IMPACT -> Cursor.of(key, last.impactScore, last.id);
            case CREATED -> Cursor.of(key, last.createdAt, last.id);
        });
    }

    /** The first feedback ids linked to the item, oldest first, including evidence taken over from merged items. */
    public List<UUID> feedbackIds(UUID itemId, int limit) {
        return entityManager.createQuery("select e.sourceId from Evidence e where e.itemId = :item and e.kind = :kind"
                + " order by e.occurredOn, e.sourceId", String.class)
                .setParameter("item", itemId).setParameter("kind", EvidenceKind.FEEDBACK).setMaxResults(limit)
                .getResultStream().map(UUID::fromString).toList();
    }

    public long feedbackCount(UUID itemId) {
        return Evidence.count("itemId = ?1 and kind = ?2", itemId, EvidenceKind.FEEDBACK);
    }

    /** Newest first. */
    public Page<Evidence> evidence(UUID itemId, Access access, int limit, String cursor) {
        find(itemId, access);
        Cursor after = Cursor.read(cursor, 2);
        List<Evidence> rows = after == null
                ? Evidence.<Evidence>find("itemId = ?1 order by occurredOn desc, sourceId", itemId).page(0, limit + 1).list()
                : Evidence.<Evidence>find("itemId = ?1 and (occurredOn < ?2 or (occurredOn = ?2 and sourceId > ?3)) "
                        + "order by occurredOn desc, sourceId", itemId, inRange(after.date(0)), after.text(1))
                        .page(0, limit + 1).list();
        return Page.of(rows, limit, last -> Cursor.of(last.occurredOn, last.sourceId));
    }

    /** A cursor's time within what PostgreSQL stores (a forged one far beyond would fail in the database). */
    static <T extends java.time.temporal.TemporalAccessor> T inRange(T time) {
        int year = time.get(java.time.temporal.ChronoField.YEAR);
        if (year < 1 || year > 9999) {
            throw DomainException.invalid("invalid-cursor", "the cursor is not one this service issued");
        }
        return time;
    }

    /** The item's status changes, oldest first (HR only: the reasons may rest on what people wrote). */
    public List<io.hrloop.improvement.domain.ItemHistory> history(UUID itemId, Access access) {
        find(itemId, access);
        return io.hrloop.improvement.domain.ItemHistory.list("itemId = ?1 order by at, id", itemId);
    }
}
