package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.improvement.config.ImprovementConfig;
import io.hrloop.improvement.domain.AreaFeedback;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.EvidenceKind;
import io.hrloop.improvement.domain.FeedbackSignal;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemMatcher;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.Origin;
import io.hrloop.improvement.domain.SlaBreach;
import io.hrloop.improvement.domain.TextSimilarity;
import io.hrloop.improvement.domain.Theme;
import io.quarkus.logging.Log;

/**
 * The outer loop: negative feedback and recurring breaches enrich the open item of their gap, or create a
 * PROPOSED one. Every decision about an area runs under that area's advisory lock ({@link AreaLock}), so
 * concurrent events about one gap, on one replica or several, end up on one open item.
 */
@ApplicationScoped
public class SpawningService {

    static final List<ItemStatus> OPEN = List.of(ItemStatus.PROPOSED, ItemStatus.ACCEPTED, ItemStatus.IN_PROGRESS);
    private static final int EXCERPTS_PER_ITEM = 50;

    private final ImprovementConfig config;
    private final EntityManager entityManager;
    private final AreaLock areaLock;
    private final Scoring scoring;
    private final ImprovementEvents events;
    private final ItemMatcher matcher;

    public SpawningService(ImprovementConfig config, EntityManager entityManager, AreaLock areaLock, Scoring scoring,
            ImprovementEvents events) {
        this.config = config;
        this.entityManager = entityManager;
        this.areaLock = areaLock;
        this.scoring = scoring;
        this.events = events;
        this.matcher = new ItemMatcher(new TextSimilarity(), config.matching().textThreshold());
    }

    /** Every piece of feedback feeds the area projection; negative feedback also becomes evidence. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onFeedback(FeedbackReceived f) {
        project(f);
        FeedbackSignal signal = new FeedbackSignal(f.csat(), f.nps(), f.sentiment());
        if (!signal.isNegative(config.negative().csatAtMost(), config.negative().npsAtMost(),
                config.negative().sentimentBelow())) {
            return;
        }
        areaLock.lock(f.area());
        if (Evidence.count("kind = ?1 and sourceId = ?2", EvidenceKind.FEEDBACK, f.feedbackId().toString()) > 0) {
            return; // the same feedback announced again: counted once
        }
        List<String> themes = Theme.known(f.themes());
        if (themes.isEmpty()) {
            themes = List.of(Theme.OTHER.wire());
        }
        String excerpt = excerpt(f.comment());
        // Anonymous feedback leaves only its day behind, in rows and in events alike.
        OffsetDateTime now = f.anonymous() ? ImprovementEvents.today() : ImprovementEvents.now();
        Optional<ItemMatcher.Match> match = matcher.match(f.area(), themes, excerpt, candidates(f.area()));
        ImprovementItem item;
        if (match.isPresent()) {
            item = ImprovementItem.findById(match.get().itemId());
            Log.debugf("Feedback %s joins item %s (%s %.2f)", f.feedbackId(), item.id, match.get().method(),
                    match.get().score());
        } else {
            item = newItem(f.area(), themes, Origin.FEEDBACK, Theme.fromWire(themes.getFirst()).orElseThrow()
                    .headline() + " (" + f.area() + ")", feedbackProblem(f, themes, excerpt), now);
            Log.infof("Feedback %s opened improvement item %s in %s", f.feedbackId(), item.id, f.area());
        }
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.itemId = item.id;
        evidence.kind = EvidenceKind.FEEDBACK;
        evidence.sourceId = f.feedbackId().toString();
        evidence.anonymous = f.anonymous();
        evidence.personId = f.anonymous() ? null : f.personId();
        // Request references would point back at the person: kept for signed feedback only.
        evidence.reference = f.anonymous() ? null : f.reference();
        evidence.requestId = f.anonymous() ? null : f.requestId();
        evidence.csat = f.csat();
        evidence.ces = f.ces();
        evidence.nps = f.nps();
        evidence.sentiment = f.sentiment();
        evidence.frustrated = f.frustrated();
        evidence.storedThemes = Theme.encode(themes);
        evidence.excerpt = excerpt;
        evidence.occurredOn = f.receivedOn();
        evidence.linkedAt = f.anonymous() ? null : now;
        evidence.persist();
        enriched(item, List.of(evidence), match.isEmpty(), Origin.FEEDBACK, now, !f.anonymous());
    }

    /**
     * Breaches are logged per request type. Once an open item of the area tracks breaches, each new breach joins
     * it; otherwise the breaches of the type not yet linked to any item are counted within the window before this
     * one, and from the threshold on they all join the area's open "speed" item, or a new one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBreach(BreachReported b) {
        String area = b.requestType();
        areaLock.lock(area);
        String key = SlaBreach.key(b.requestId(), b.target());
        if (SlaBreach.count("breachKey", key) > 0) {
            return;
        }
        SlaBreach breach = new SlaBreach();
        breach.id = UUID.randomUUID();
        breach.breachKey = key;
        breach.requestId = b.requestId();
        breach.reference = b.reference();
        breach.requestType = area;
        breach.team = b.team();
        breach.target = b.target();
        breach.dueAt = b.dueAt();
        breach.occurredAt = b.occurredAt();
        breach.persist();

        List<String> themes = List.of(Theme.SPEED.wire());
        Optional<ItemMatcher.Match> match = matcher.match(area, themes, null, candidates(area));
        ImprovementItem item = match.<ImprovementItem>map(m -> ImprovementItem.findById(m.itemId())).orElse(null);
        boolean tracking = item != null
                && Evidence.count("itemId = ?1 and kind = ?2", item.id, EvidenceKind.BREACH) > 0;
        List<SlaBreach> toLink;
        if (tracking) {
            toLink = List.of(breach);
        } else {
            toLink = entityManager.createQuery("select b from SlaBreach b where b.requestType = :type"
                    + " and b.occurredAt between :from and :to and not exists (select 1 from Evidence e"
                    + " where e.kind = :kind and e.sourceId = b.breachKey) order by b.occurredAt, b.breachKey",
                    SlaBreach.class)
                    .setParameter("type", area)
                    .setParameter("from", b.occurredAt().minusDays(config.breaches().windowDays()))
                    .setParameter("to", b.occurredAt())
                    .setParameter("kind", EvidenceKind.BREACH)
                    .getResultList();
            if (toLink.size() < config.breaches().threshold()) {
                return;
            }
        }
        OffsetDateTime now = ImprovementEvents.now();
        boolean created = item == null;
        if (created) {
            item = newItem(area, themes, Origin.SLA_BREACHES, "Repeated service-level breaches (" + area + ")",
                    "The service-level targets of " + area + " were missed " + toLink.size() + " times within "
                            + config.breaches().windowDays() + " days: "
                            + String.join(", ", toLink.stream().map(x -> x.reference + " " + x.target).toList())
                            + ".",
                    now);
            Log.infof("%d breaches of %s opened improvement item %s", toLink.size(), area, item.id);
        }
        List<Evidence> added = new ArrayList<>();
        for (SlaBreach x : toLink) {
            Evidence evidence = new Evidence();
            evidence.id = UUID.randomUUID();
            evidence.itemId = item.id;
            evidence.kind = EvidenceKind.BREACH;
            evidence.sourceId = x.breachKey;
            evidence.anonymous = false;
            evidence.reference = x.reference;
            evidence.requestId = x.requestId.toString();
            evidence.breachTarget = x.target;
            evidence.storedThemes = Theme.encode(themes);
            evidence.excerpt = x.target + " target of " + x.reference + " missed (due "
                    + ImprovementEvents.format(x.dueAt) + ")";
            evidence.occurredOn = x.occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
            evidence.linkedAt = now;
            evidence.persist();
            added.add(evidence);
        }
        enriched(item, added, created, Origin.SLA_BREACHES, now, true);
    }

    private void project(FeedbackReceived f) {
        if (AreaFeedback.findById(f.feedbackId()) != null) {
            return;
        }
        AreaFeedback row = new AreaFeedback();
        row.feedbackId = f.feedbackId();
        row.area = f.area();
        row.csat = f.csat();
        row.nps = f.nps();
        row.ces = f.ces();
        row.sentiment = f.sentiment();
        row.receivedOn = f.receivedOn();
        row.persist();
    }

    private ImprovementItem newItem(String area, List<String> themes, Origin origin, String title, String problem,
            OffsetDateTime now) {
        ImprovementItem item = new ImprovementItem();
        item.id = UUID.randomUUID();
        item.title = title.length() > 200 ? title.substring(0, 200) : title;
        item.problem = problem;
        item.area = area;
        item.themes(themes);
        item.status = ItemStatus.PROPOSED;
        item.origin = origin;
        item.gapKey = area + "|" + themes.getFirst();
        item.createdBy = "improvement-service";
        item.createdAt = now;
        item.updatedAt = now;
        item.persist();
        return item;
    }

    private void enriched(ImprovementItem item, List<Evidence> added, boolean created, Origin origin,
            OffsetDateTime now, boolean touch) {
        scoring.refresh(item);
        if (touch) {
            item.updatedAt = now;
        }
        if (created) {
            events.created(item, origin, now);
        }
        for (Evidence evidence : added) {
            events.evidenceAdded(item, evidence, now);
        }
    }

    /** The open items of an area with the texts that describe them: title and problem, evidence excerpts. */
    private List<ItemMatcher.Candidate> candidates(String area) {
        List<ImprovementItem> open = ImprovementItem.list("area = ?1 and status in ?2", area, OPEN);
        if (open.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> texts = new HashMap<>();
        for (ImprovementItem item : open) {
            texts.computeIfAbsent(item.id, k -> new ArrayList<>()).add(item.title + ". " + item.problem);
        }
        List<Object[]> excerpts = entityManager.createQuery("select e.itemId, e.excerpt from Evidence e"
                + " where e.itemId in :ids and e.kind = :kind and e.excerpt is not null"
                + " order by e.occurredOn desc", Object[].class)
                .setParameter("ids", texts.keySet()).setParameter("kind", EvidenceKind.FEEDBACK).getResultList();
        for (Object[] row : excerpts) {
            List<String> list = texts.get((UUID) row[0]);
            if (list.size() <= EXCERPTS_PER_ITEM) {
                list.add((String) row[1]);
            }
        }
        return open.stream().map(i -> new ItemMatcher.Candidate(i.id, i.themes(), texts.get(i.id), i.createdAt))
                .toList();
    }

    private String excerpt(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = comment.strip().replaceAll("\\s+", " ");
        int max = Math.min(Math.max(config.excerptLength(), 20), 400); // the column holds 400
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }

    private static String feedbackProblem(FeedbackReceived f, List<String> themes, String excerpt) {
        StringBuilder problem = new StringBuilder("Raised automatically from negative feedback about ")
                .append(f.area()).append(" (").append(String.join(", ", themes)).append(").");
        if (excerpt != null) {
            problem.append(" First report: \"").append(excerpt).append("\"");
        }
        return problem.toString();
    }
}
