package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.contract.RequestSlaBreached;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.time.Times;
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
    private final Times times;

    public SpawningService(ImprovementConfig config, EntityManager entityManager, AreaLock areaLock, Scoring scoring,
            ImprovementEvents events, Times times) {
        this.times = times;
        this.config = config;
        this.entityManager = entityManager;
        this.areaLock = areaLock;
        this.scoring = scoring;
        this.events = events;
        this.matcher = new ItemMatcher(new TextSimilarity(), config.matching().textThreshold());
    }

    /** Every piece of feedback feeds the area projection; negative feedback also becomes evidence. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onFeedback(FeedbackReceived f, String area) {
        if (AreaFeedback.findById(f.feedbackId()) == null) {
            AreaFeedback.of(f, area).persist();
        }
        FeedbackSignal signal = new FeedbackSignal(f.csat(), f.nps(), f.sentiment());
        if (!signal.isNegative(config.negative().csatAtMost(), config.negative().npsAtMost(),
                config.negative().sentimentBelow())) {
            return;
        }
        areaLock.lock(area);
        if (Evidence.count("kind = ?1 and sourceId = ?2", EvidenceKind.FEEDBACK, f.feedbackId().toString()) > 0) {
            return; // the same feedback announced again: counted once
        }
        List<String> themes = f.themes().stream().map(Theme::key).distinct().toList();
        if (themes.isEmpty()) {
            themes = List.of(Theme.OTHER.key());
        }
        String excerpt = excerpt(f.comment());
        // Anonymous feedback leaves only its day behind, in rows and in events alike.
        OffsetDateTime now = f.anonymous() ? times.startOfToday() : times.nowUtc();
        Optional<ItemMatcher.Match> match = matcher.match(area, themes, excerpt, candidates(area));
        ImprovementItem item;
        if (match.isPresent()) {
            item = ImprovementItem.findById(match.get().itemId());
            Log.debugf("Feedback %s joins item %s (%s %.2f)", f.feedbackId(), item.id, match.get().method(),
                    match.get().score());
        } else {
            item = newItem(area, themes, Origin.FEEDBACK, Theme.of(themes.getFirst()).headline() + " (" + area + ")",
                    feedbackProblem(area, themes, excerpt), now);
            Log.infof("Feedback %s opened improvement item %s in %s", f.feedbackId(), item.id, area);
        }
        Evidence evidence = Evidence.ofFeedback(item.id, f, themes, excerpt, now);
        evidence.persist();
        scoring.refresh(item);
        if (!f.anonymous()) {
            item.updatedAt = now; // an anonymous piece must not date the item's last change
        }
        announce(item, match.isEmpty() ? Origin.FEEDBACK : null, List.of(evidence), now);
    }

    /**
     * Breaches are logged per request type. Once an open item of the area tracks breaches, each new breach joins
     * it; otherwise the breaches of the type not yet linked to any item are counted within the window before this
     * one, and from the threshold on they all join the area's open "speed" item, or a new one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBreach(RequestSlaBreached event) {
        String area = event.requestType();
        areaLock.lock(area);
        if (SlaBreach.count("breachKey", SlaBreach.key(event.requestId(), event.target())) > 0) {
            return;
        }
        SlaBreach breach = SlaBreach.of(event);
        breach.persist();

        List<String> themes = List.of(Theme.SPEED.key());
        Optional<ItemMatcher.Match> match = matcher.match(area, themes, null, candidates(area));
        ImprovementItem item = match.<ImprovementItem>map(m -> ImprovementItem.findById(m.itemId())).orElse(null);
        boolean tracking = item != null
                && Evidence.count("itemId = ?1 and kind = ?2", item.id, EvidenceKind.BREACH) > 0;
        List<SlaBreach> toLink = tracking ? List.of(breach) : unlinkedBreaches(area, breach.occurredAt);
        if (!tracking && toLink.size() < config.breaches().threshold()) {
            return;
        }
        OffsetDateTime now = times.nowUtc();
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
            Evidence evidence = Evidence.ofBreach(item.id, x, themes, now);
            evidence.persist();
            added.add(evidence);
        }
        scoring.refresh(item);
        item.updatedAt = now;
        announce(item, created ? Origin.SLA_BREACHES : null, added, now);
    }

    /** The breaches of a type within the window before {@code until} that no item has taken yet. */
    private List<SlaBreach> unlinkedBreaches(String area, OffsetDateTime until) {
        return entityManager.createQuery("select b from SlaBreach b where b.requestType = :type"
                + " and b.occurredAt between :from and :to and not exists (select 1 from Evidence e"
                + " where e.kind = :kind and e.sourceId = b.breachKey) order by b.occurredAt, b.breachKey",
                SlaBreach.class)
                .setParameter("type", area)
                .setParameter("from", until.minusDays(config.breaches().windowDays()))
                .setParameter("to", until)
                .setParameter("kind", EvidenceKind.BREACH)
                .getResultList();
    }

    /** hr.improvement.created when {@code createdFrom} names the origin of a new item, then one evidence-added each. */
    private void announce(ImprovementItem item, Origin createdFrom, List<Evidence> added, OffsetDateTime now) {
        if (createdFrom != null) {
            events.created(item, createdFrom, now);
        }
        for (Evidence evidence : added) {
            events.evidenceAdded(item, evidence, now);
        }
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

    private static String feedbackProblem(String area, List<String> themes, String excerpt) {
        StringBuilder problem = new StringBuilder("Raised automatically from negative feedback about ")
                .append(area).append(" (").append(String.join(", ", themes)).append(").");
        if (excerpt != null) {
            problem.append(" First report: \"").append(excerpt).append("\"");
        }
        return problem.toString();
    }
}
