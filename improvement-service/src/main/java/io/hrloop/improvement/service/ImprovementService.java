package io.hrloop.improvement.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.api.Cursors;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.problem.ProblemException;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.EvidenceKind;
import io.hrloop.improvement.domain.IllegalTransitionException;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemComment;
import io.hrloop.improvement.domain.ItemLifecycle;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.Origin;

/** The backlog's use cases: create, read, edit, assign, move through the lifecycle, discuss. */
@ApplicationScoped
public class ImprovementService {

    private final EntityManager entityManager;
    private final AreaLock areaLock;
    private final Scoring scoring;
    private final ImprovementEvents events;
    private final VerificationService verification;
    private final ObjectMapper mapper;

    public ImprovementService(EntityManager entityManager, AreaLock areaLock, Scoring scoring,
            ImprovementEvents events, VerificationService verification, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.areaLock = areaLock;
        this.scoring = scoring;
        this.events = events;
        this.verification = verification;
        this.mapper = mapper;
    }

    public record NewItem(String title, String problem, String area, List<String> themes, BigDecimal effort,
            LocalDate targetDate, String owner) {
    }

    public record StatusChange(ItemStatus status, String reason, UUID mergedInto, String summary) {
    }

    @Transactional
    public ImprovementItem create(String actor, NewItem command) {
        // Same lock as automatic spawning, so a hand-made item and a spawned one are decided in one order.
        areaLock.lock(command.area());
        OffsetDateTime now = ImprovementEvents.now();
        ImprovementItem item = new ImprovementItem();
        item.id = UUID.randomUUID();
        item.title = command.title().strip();
        item.problem = command.problem().strip();
        item.area = command.area();
        item.themes(command.themes());
        item.status = ItemStatus.PROPOSED;
        item.origin = Origin.MANUAL;
        item.owner = command.owner();
        item.effort = command.effort();
        item.targetDate = command.targetDate();
        item.createdBy = actor;
        item.createdAt = now;
        item.updatedAt = now;
        item.priority = null;
        item.persist();
        scoring.refresh(item);
        events.created(item, Origin.MANUAL, now);
        return item;
    }

    /** The item if the caller may see it: HR sees every item, everyone else only implemented and verified ones. */
    public ImprovementItem find(UUID id, boolean hrView) {
        ImprovementItem item = ImprovementItem.findById(id);
        if (item == null || (!hrView && !item.status.isPublic())) {
            throw ProblemException.notFound("improvement item " + id);
        }
        return item;
    }

    public Page<ImprovementItem> list(ItemQuery query) {
        StringBuilder where = new StringBuilder("where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        List<ItemStatus> statuses = query.statuses();
        if (query.publicOnly()) {
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
        String order;
        switch (query.sort()) {
            case PRIORITY -> {
                order = " order by coalesce(i.priority, -1) desc, i.impactScore desc, i.id";
                if (query.cursor() != null) {
                    String[] c = Cursors.decode(query.cursor(), 4);
                    expectSort(c, "p");
                    where.append(" and (coalesce(i.priority, -1) < :c1 or (coalesce(i.priority, -1) = :c1"
                            + " and (i.impactScore < :c2 or (i.impactScore = :c2 and i.id > :cid))))");
                    params.put("c1", parseDouble(c[1]));
                    params.put("c2", parseDouble(c[2]));
                    params.put("cid", parseId(c[3]));
                }
            }
            case IMPACT -> {
                order = " order by i.impactScore desc, i.id";
                if (query.cursor() != null) {
                    String[] c = Cursors.decode(query.cursor(), 3);
                    expectSort(c, "i");
                    where.append(" and (i.impactScore < :c1 or (i.impactScore = :c1 and i.id > :cid))");
                    params.put("c1", parseDouble(c[1]));
                    params.put("cid", parseId(c[2]));
                }
            }
            default -> {
                order = " order by i.createdAt desc, i.id";
                if (query.cursor() != null) {
                    String[] c = Cursors.decode(query.cursor(), 3);
                    expectSort(c, "c");
                    where.append(" and (i.createdAt < :c1 or (i.createdAt = :c1 and i.id > :cid))");
                    params.put("c1", parseTime(c[1]));
                    params.put("cid", parseId(c[2]));
                }
            }
        }
        TypedQuery<ImprovementItem> q = entityManager.createQuery("select i from ImprovementItem i " + where + order,
                ImprovementItem.class);
        params.forEach(q::setParameter);
        List<ImprovementItem> rows = q.setMaxResults(query.limit() + 1).getResultList();
        if (rows.size() <= query.limit()) {
            return new Page<>(rows, null);
        }
        List<ImprovementItem> page = rows.subList(0, query.limit());
        ImprovementItem last = page.getLast();
        String next = switch (query.sort()) {
            case PRIORITY -> Cursors.encode("p", Double.toString(last.priority == null ? -1 : last.priority),
                    Double.toString(last.impactScore), last.id.toString());
            case IMPACT -> Cursors.encode("i", Double.toString(last.impactScore), last.id.toString());
            case CREATED -> Cursors.encode("c", last.createdAt.toString(), last.id.toString());
        };
        return new Page<>(List.copyOf(page), next);
    }

    @Transactional
    public ImprovementItem update(UUID id, String ifMatch, ItemPatch patch) {
        ImprovementItem item = find(id, true);
        ETags.check(ifMatch, item.version);
        if (patch.title() != null) {
            item.title = patch.title().strip();
        }
        if (patch.problem() != null) {
            item.problem = patch.problem().strip();
        }
        if (patch.themes() != null) {
            item.themes(patch.themes());
            // The backstop index only holds while the seed theme is still one of the item's themes.
            if (item.gapKey != null && !patch.themes().contains(item.gapKey.substring(item.gapKey.indexOf('|') + 1))) {
                item.gapKey = null;
            }
        }
        if (patch.effortSet()) {
            item.effort = patch.effort();
        }
        if (patch.targetDateSet()) {
            item.targetDate = patch.targetDate();
        }
        item.updatedAt = ImprovementEvents.now();
        scoring.refresh(item);
        return item;
    }

    @Transactional
    public ImprovementItem assign(UUID id, String ifMatch, String owner) {
        ImprovementItem item = find(id, true);
        ETags.check(ifMatch, item.version);
        item.owner = owner;
        item.updatedAt = ImprovementEvents.now();
        return item;
    }

    @Transactional
    public ImprovementItem changeStatus(UUID id, String ifMatch, StatusChange change) {
        ImprovementItem item = find(id, true);
        ImprovementItem survivor = null;
        if (change.status() == ItemStatus.MERGED) {
            if (change.mergedInto() == null) {
                throw ProblemException.badRequest("merge-target-required", "MERGED needs mergedInto: the surviving item");
            }
            if (change.mergedInto().equals(id)) {
                throw ProblemException.conflict("merge-into-itself", "an item cannot be merged into itself");
            }
            survivor = ImprovementItem.findById(change.mergedInto());
            if (survivor == null) {
                throw ProblemException.unprocessable("merge-target-unknown",
                        "mergedInto " + change.mergedInto() + " is not an improvement item");
            }
            areaLock.lockAll(List.of(item.area, survivor.area));
            entityManager.refresh(survivor);
        } else {
            areaLock.lock(item.area);
        }
        entityManager.refresh(item);
        ETags.check(ifMatch, item.version);
        try {
            ItemLifecycle.require(item.status, change.status());
        } catch (IllegalTransitionException e) {
            throw ProblemException.conflict("illegal-transition", e.getMessage()).with("currentStatus", item.status)
                    .with("allowed", e.allowed());
        }
        if (change.status() == ItemStatus.REJECTED && (change.reason() == null || change.reason().isBlank())) {
            throw ProblemException.badRequest("reason-required", "a rejection states its reason");
        }
        if (change.mergedInto() != null && change.status() != ItemStatus.MERGED) {
            throw ProblemException.badRequest("merge-target-unexpected", "mergedInto goes only with status MERGED");
        }
        OffsetDateTime now = ImprovementEvents.now();
        ItemStatus previous = item.status;
        if (change.status() == ItemStatus.VERIFIED) {
            attachVerification(item, now);
        }
        item.status = change.status();
        item.statusReason = blankToNull(change.reason());
        item.updatedAt = now;
        if (change.status() == ItemStatus.IMPLEMENTED) {
            item.implementedAt = now;
            // the summary is what people are told; a caller who wrote it as the reason means the same
            item.implementationSummary = blankToNull(change.summary() != null ? change.summary() : change.reason());
        }
        if (survivor != null) {
            merge(item, survivor, now);
        }
        scoring.refresh(item);
        events.statusChanged(item, previous, now);
        if (change.status() == ItemStatus.IMPLEMENTED) {
            events.implemented(item, feedbackIds(item.id), now);
        }
        return item;
    }

    private void merge(ImprovementItem merged, ImprovementItem survivor, OffsetDateTime now) {
        if (!survivor.status.isOpen()) {
            throw ProblemException.conflict("merge-target-closed", "the surviving item must be open (PROPOSED, "
                    + "ACCEPTED or IN_PROGRESS); " + survivor.id + " is " + survivor.status);
        }
        merged.mergedInto = survivor.id;
        // The same gap from now on: complaints on the merged item's themes join the survivor.
        java.util.LinkedHashSet<String> themes = new java.util.LinkedHashSet<>(survivor.themes());
        themes.addAll(merged.themes());
        survivor.themes(List.copyOf(themes));
        List<Evidence> moved = Evidence.list("itemId", merged.id);
        for (Evidence evidence : moved) {
            evidence.itemId = survivor.id;
            if (evidence.mergedFrom == null) {
                evidence.mergedFrom = merged.id;
            }
        }
        entityManager.flush();
        scoring.refresh(survivor);
        survivor.updatedAt = now;
        for (Evidence evidence : moved) {
            events.evidenceAdded(survivor, evidence, now);
        }
    }

    private void attachVerification(ImprovementItem item, OffsetDateTime now) {
        VerificationService.Report report = verification.report(item);
        if (!report.sufficient()) {
            throw ProblemException.conflict("verification-data-missing", "VERIFIED needs at least "
                    + report.minResponses() + " answers with a CSAT in " + item.area + " since implementation; "
                    + "there are " + report.since().csatResponses() + ". Wait for more feedback.")
                    .with("csatResponsesSince", report.since().csatResponses())
                    .with("minResponses", report.minResponses());
        }
        try {
            item.verification = mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        item.verifiedAt = now;
    }

    /** Every feedback id linked to the item, including evidence taken over from merged items. */
    public List<String> feedbackIds(UUID itemId) {
        return entityManager.createQuery("select e.sourceId from Evidence e where e.itemId = :item and e.kind = :kind"
                + " order by e.occurredOn, e.sourceId", String.class)
                .setParameter("item", itemId).setParameter("kind", EvidenceKind.FEEDBACK).getResultList();
    }

    public Page<Evidence> evidence(UUID itemId, boolean hrView, int limit, String cursor) {
        find(itemId, hrView);
        int offset = offset(cursor);
        List<Evidence> rows = Evidence.find("itemId = ?1 order by occurredOn desc, sourceId", itemId)
                .range(offset, offset + limit).list();
        if (rows.size() > limit) {
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursors.encode("o", Integer.toString(offset + limit)));
        }
        return new Page<>(rows, null);
    }

    @Transactional
    public ItemComment comment(UUID itemId, String author, String body) {
        find(itemId, true);
        ItemComment comment = new ItemComment();
        comment.id = UUID.randomUUID();
        comment.itemId = itemId;
        comment.author = author;
        comment.body = body.strip();
        comment.createdAt = ImprovementEvents.now();
        comment.persist();
        return comment;
    }

    public ItemComment comment(UUID itemId, UUID commentId) {
        find(itemId, true);
        ItemComment comment = ItemComment.findById(commentId);
        if (comment == null || !comment.itemId.equals(itemId)) {
            throw ProblemException.notFound("comment " + commentId);
        }
        return comment;
    }

    public Page<ItemComment> comments(UUID itemId, int limit, String cursor) {
        find(itemId, true);
        int offset = offset(cursor);
        List<ItemComment> rows = ItemComment.find("itemId = ?1 order by createdAt, id", itemId)
                .range(offset, offset + limit).list();
        if (rows.size() > limit) {
            return new Page<>(List.copyOf(rows.subList(0, limit)), Cursors.encode("o", Integer.toString(offset + limit)));
        }
        return new Page<>(rows, null);
    }

    static int offset(String cursor) {
        if (cursor == null) {
            return 0;
        }
        String[] parts = Cursors.decode(cursor, 2);
        try {
            int offset = Integer.parseInt(parts[1]);
            if (!"o".equals(parts[0]) || offset < 0) {
                throw new NumberFormatException();
            }
            return offset;
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    private static void expectSort(String[] cursor, String sort) {
        if (!sort.equals(cursor[0])) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor belongs to another sort order");
        }
    }

    private static double parseDouble(String value) {
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw invalidCursor();
        }
    }

    private static UUID parseId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    private static OffsetDateTime parseTime(String value) {
        try {
            return OffsetDateTime.parse(value);
        } catch (RuntimeException e) {
            throw invalidCursor();
        }
    }

    private static ProblemException invalidCursor() {
        return ProblemException.badRequest("invalid-cursor", "the cursor is not one this service issued");
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
