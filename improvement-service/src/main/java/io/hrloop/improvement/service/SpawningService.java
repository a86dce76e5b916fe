package io.hrloop.improvement.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
import io.hrloop.improvement.domain.GapKey;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemMatcher;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.domain.Origin;
import io.hrloop.improvement.domain.SlaBreach;
import io.hrloop.text.Embedder;
import io.hrloop.text.EvidenceProfile;
import io.hrloop.text.Vectors;
import io.quarkus.logging.Log;

/**
 * The outer loop: negative feedback and recurring breaches enrich the open item of their gap, or create a
 * PROPOSED one. Every decision about an area runs under that area's advisory lock ({@link AreaLock}), so
 * concurrent events about one gap, on one replica or several, end up on one open item.
 *
 * <p>A comment is embedded once (outside the lock: it is the costly part), then under the lock it moves the area's
 * centre and, for negative feedback, is matched against the bounded evidence profiles of the area's open items
 * ({@link ItemMatcher}); joining adds it to the item's profile. The work per event is bounded: open items of one
 * area with their profiles, the item's running aggregates ({@link Scoring#added}), never its evidence rows.
 *
 * <p>The backlog remembers: for {@code rejected-memory} (90 days) after its rejection, a REJECTED item of the area is
 * a candidate as well. Evidence that matches it joins it, the item stays REJECTED and counts it as "raised again"
 * (a lead may reopen it); no new item is opened for the gap. Matched by themes alone, an open item comes first.
 *
 * <p>Confidential feedback and breaches (employee-relations requests) only ever join or open confidential items,
 * and non-confidential ones never join a confidential item. Automatically written texts are neutral: they never
 * quote a comment or name a request; those are in the evidence.
 */
@ApplicationScoped
public class SpawningService {

    static final List<ItemStatus> OPEN = List.of(ItemStatus.PROPOSED, ItemStatus.ACCEPTED, ItemStatus.IN_PROGRESS);

    /**
     * The open statuses as a parameter each, not one list: Hibernate does not cache the translation of a query with a
     * list parameter, and translated this one for every breach.
     */
    private static final String OPEN_ITEMS = "area = ?1 and confidential = ?2 and status in ("
            + IntStream.range(0, OPEN.size()).mapToObj(i -> "?" + (i + 3)).collect(Collectors.joining(", ")) + ")";

    /** The transaction's {@link PreparedBreaches}. */
    private static final Object PREPARED_BREACHES = SpawningService.class.getName() + ".breaches";

    private final ImprovementConfig config;
    private final EntityManager entityManager;
    private final AreaLock areaLock;
    private final AreaCentres centres;
    private final Scoring scoring;
    private final ImprovementEvents events;
    private final Embedder embedder;
    private final ItemMatcher matcher = new ItemMatcher();
    private final Times times;
    private final RejectedMemory memory;
    private final FeedbackBatch batch;
    private final BatchEmbeddings embeddings;
    private final TransactionSynchronizationRegistry registry;

    public SpawningService(ImprovementConfig config, EntityManager entityManager, AreaLock areaLock,
            AreaCentres centres, Scoring scoring, ImprovementEvents events, Embedder embedder, Times times,
            RejectedMemory memory, FeedbackBatch batch, BatchEmbeddings embeddings,
            TransactionSynchronizationRegistry registry) {
        this.embeddings = embeddings;
        this.registry = registry;
        this.batch = batch;
        this.times = times;
        this.memory = memory;
        this.config = config;
        this.entityManager = entityManager;
        this.areaLock = areaLock;
        this.centres = centres;
        this.scoring = scoring;
        this.events = events;
        this.embedder = embedder;
    }

    /**
     * Every piece of feedback feeds the area projection, and its comment the area's centre; negative feedback also
     * becomes evidence. Whether a piece is known, and its area-feedback row, go through the consumed batch
     * ({@link FeedbackBatch}): a piece that does not become evidence costs no round trip of its own.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onFeedback(FeedbackReceived f, String area) {
        if (batch.known(f.feedbackId())) {
            return; // the same feedback announced again: its projection, centre and evidence are in place
        }
        batch.record(AreaFeedback.of(f, area));
        boolean negative = new FeedbackSignal(f.csat(), f.nps(), f.sentiment()).isNegative(
                config.negative().csatAtMost(), config.negative().npsAtMost(), config.negative().sentimentBelow());
        String excerpt = excerpt(f.comment());
        if (!negative && excerpt == null) {
            return;
        }
        // The stored excerpt is what is embedded, so that an erasure can take exactly this vector out again: the
        // event's vector only where it is the excerpt's (carriedEmbedding).
        float[] carried = excerpt == null ? null : carriedEmbedding(f, excerpt);
        float[] embedding = excerpt == null ? null : carried != null ? carried : embeddings.embed(excerpt);
        areaLock.lock(area);
        if (embedding != null) {
            // The comment counts in its area's centre before it is matched, as the threshold was calibrated
            // (MatchingEvaluationTest); matching against the centre without it gave precision 0.68 at recall 0.55
            // instead of 0.96 at 0.32 on the labelled gaps (MatchingThroughTheServiceTest).
            centres.add(area, embedding);
        }
        if (!negative || batch.evidenced(f.feedbackId())) {
            return;
        }
        boolean confidential = Boolean.TRUE.equals(f.confidential());
        List<String> themes = f.themes().stream().map(Theme::key).distinct().toList();
        if (themes.isEmpty()) {
            themes = List.of(Theme.OTHER.key());
        }
        // Anonymous feedback leaves only its day behind, in rows and in events alike.
        OffsetDateTime now = f.anonymous() ? times.startOfToday() : times.nowUtc();
        // The open items and those the memory keeps, in one query: open ones first.
        List<RejectedMemory.Candidate> candidates = memory.withOpenItems(area, confidential, OPEN);
        List<ItemMatcher.SemanticCandidate> all = candidates.stream().map(RejectedMemory.Candidate::semantic).toList();
        int open = (int) candidates.stream().filter(c -> c.in(OPEN)).count();
        Optional<ItemMatcher.Match> match = match(themes, embedding, embedding == null ? null : centres.centre(area),
                all.subList(0, open), all);
        ImprovementItem item;
        if (match.isPresent()) {
            item = ImprovementItem.findById(match.get().itemId());
            Log.debugf("Feedback %s joins %s item %s (%s %.2f)", f.feedbackId(), item.status, item.id,
                    match.get().method(), match.get().score());
        } else {
            UUID id = UUID.randomUUID();
            item = newItem(id, area, themes, Origin.FEEDBACK, confidential,
                    Theme.of(themes.getFirst()).headline() + " (" + area + ")",
                    "Raised automatically from negative feedback about " + area + " (" + String.join(", ", themes)
                            + "). What people wrote is in the evidence.",
                    "Raised automatically from customer feedback about " + area + ".",
                    embedding == null ? GapKey.theme(area, themes.getFirst(), confidential)
                            : GapKey.comment(area, themes.getFirst(), id, confidential), now);
            Log.infof("Feedback %s opened improvement item %s in %s", f.feedbackId(), item.id, area);
        }
        Evidence evidence = Evidence.ofFeedback(item.id, f, themes, excerpt, now);
        evidence.persist();
        if (embedding != null) {
            EvidenceProfile profile = item.evidenceProfile == null ? new EvidenceProfile(embedder.dimensions())
                    : EvidenceProfile.fromBytes(item.evidenceProfile);
            profile.add(embedding);
            item.evidenceProfile = profile.toBytes();
        }
        scoring.added(item, evidence);
        if (item.status == ItemStatus.REJECTED) {
            item.raisedAgain++; // the gap was raised again: the item stays REJECTED, a lead may reopen it
        }
        if (!f.anonymous()) {
            item.updatedAt = now; // an anonymous piece must not date the item's last change
        }
        announce(item, match.isEmpty() ? Origin.FEEDBACK : null, List.of(evidence), now);
    }

    /**
     * Which of a batch's breaches are logged already, in one query: {@link #onBreach} then asks the database
     * nothing for that (a query per breach also flushed the session, the previous breach's writes, each time).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepareBreaches(List<RequestSlaBreached> breaches) {
        if (breaches.isEmpty()) {
            return;
        }
        Set<String> keys = breaches.stream().map(b -> SlaBreach.key(b.requestId(), b.target()))
                .collect(Collectors.toSet());
        Set<String> logged = new HashSet<>(entityManager.createQuery(
                "select b.breachKey from SlaBreach b where b.breachKey in :keys", String.class)
                .setParameter("keys", keys).getResultList());
        registry.putResource(PREPARED_BREACHES, new PreparedBreaches(keys, logged));
    }

    /**
     * Whether the breach is logged already; when it is not, the caller logs it in this transaction, which then
     * counts it as logged. From the batch's facts when it was prepared ({@link #prepareBreaches}), else asked.
     */
    private boolean logged(String key) {
        PreparedBreaches prepared = (PreparedBreaches) registry.getResource(PREPARED_BREACHES);
        if (prepared != null && prepared.keys().contains(key)) {
            return !prepared.logged().add(key);
        }
        // In HQL, whose translation Hibernate caches (Panache's count() translates a new count query every time).
        return !entityManager.createQuery("select 1 from SlaBreach b where b.breachKey = :key", Integer.class)
                .setParameter("key", key).setMaxResults(1).getResultList().isEmpty();
    }

    /** A prepared batch's breach keys, and those of them logged (before the batch, or by it since). */
    private record PreparedBreaches(Set<String> keys, Set<String> logged) {
    }

    /**
     * Breaches are logged per request type. Once an open item of the area tracks breaches, each new breach joins
     * it; otherwise the breaches of the type not yet linked to any item are counted within the window before this
     * one, and from the threshold on they all join the area's open "speed" item, or a new one. Confidential
     * breaches are counted and linked apart from the others.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onBreach(RequestSlaBreached event) {
        String area = event.requestType();
        areaLock.lock(area);
        if (logged(SlaBreach.key(event.requestId(), event.target()))) {
            return;
        }
        SlaBreach breach = SlaBreach.of(event);
        breach.persist();

        List<String> themes = List.of(GapKey.BREACH_THEME);
        List<ImprovementItem> open = openItems(area, breach.confidential);
        ImprovementItem item = matcher.matchSemantic(themes, null, null, candidates(open))
                .flatMap(m -> open.stream().filter(i -> i.id.equals(m.itemId())).findFirst()).orElse(null);
        boolean tracking = item != null && !entityManager.createQuery("select 1 from Evidence e"
                + " where e.itemId = :item and e.kind = :kind", Integer.class).setParameter("item", item.id)
                .setParameter("kind", EvidenceKind.BREACH).setMaxResults(1).getResultList().isEmpty();
        if (!tracking) {
            ImprovementItem remembered = memory.breachItem(area, breach.confidential);
            if (remembered != null) {
                item = remembered; // a rejected breach item still takes the breaches of its area
                tracking = true;
            }
        }
        List<SlaBreach> toLink = tracking ? List.of(breach)
                : unlinkedBreaches(area, breach.confidential, breach.occurredAt);
        if (!tracking && toLink.size() < config.breaches().threshold()) {
            return;
        }
        OffsetDateTime now = times.nowUtc();
        boolean created = item == null;
        if (created) {
            // No request is named: the references are in the evidence, for those who may see them.
            item = newItem(UUID.randomUUID(), area, themes, Origin.SLA_BREACHES, breach.confidential,
                    "Repeated service-level breaches (" + area + ")",
                    "The service-level targets of " + area + " were missed " + toLink.size() + " times within "
                            + config.breaches().windowDays() + " days. The breaches are in the evidence.",
                    "Raised automatically from repeated missed service-level targets of " + area + ".",
                    GapKey.breaches(area, breach.confidential), now);
            Log.infof("%d breaches of %s opened improvement item %s", toLink.size(), area, item.id);
        }
        List<Evidence> added = new ArrayList<>();
        for (SlaBreach x : toLink) {
            Evidence evidence = Evidence.ofBreach(item.id, x, themes, now);
            evidence.persist();
            scoring.added(item, evidence);
            added.add(evidence);
            if (item.status == ItemStatus.REJECTED) {
                item.raisedAgain++;
            }
        }
        item.updatedAt = now;
        announce(item, created ? Origin.SLA_BREACHES : null, added, now);
    }

    /** The breaches of a type within the window before {@code until} that no item has taken yet. */
    private List<SlaBreach> unlinkedBreaches(String area, boolean confidential, OffsetDateTime until) {
        return entityManager.createQuery("select b from SlaBreach b where b.requestType = :type"
                + " and b.confidential = :confidential and b.occurredAt between :from and :to and not exists"
                + " (select 1 from Evidence e where e.kind = :kind and e.sourceId = b.breachKey)"
                + " order by b.occurredAt, b.breachKey", SlaBreach.class)
                .setParameter("type", area)
                .setParameter("confidential", confidential)
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

    private ImprovementItem newItem(UUID id, String area, List<String> themes, Origin origin, boolean confidential,
            String title, String problem, String publicSummary, String gapKey, OffsetDateTime now) {
        ImprovementItem item = new ImprovementItem();
        item.id = id;
        item.title = title.length() > 200 ? title.substring(0, 200) : title;
        item.problem = problem;
        item.publicSummary = publicSummary;
        item.confidential = confidential;
        item.area = area;
        item.themes(themes);
        item.status = ItemStatus.PROPOSED;
        item.origin = origin;
        item.gapKey = gapKey;
        item.createdBy = "improvement-service";
        item.createdAt = now;
        item.updatedAt = now;
        item.persist();
        memory.opened(item);
        return item;
    }

    /** The open items a complaint of this area and confidentiality may join. */
    private static List<ImprovementItem> openItems(String area, boolean confidential) {
        return ImprovementItem.list(OPEN_ITEMS, Stream.concat(Stream.of(area, confidential), OPEN.stream()).toArray());
    }

    /** By meaning among all candidates; by themes alone (nothing to compare), an open item before a rejected one. */
    private Optional<ItemMatcher.Match> match(List<String> themes, float[] embedding, float[] centre,
            List<ItemMatcher.SemanticCandidate> open, List<ItemMatcher.SemanticCandidate> all) {
        Optional<ItemMatcher.Match> match = matcher.matchSemantic(themes, embedding, centre, all);
        if (match.isPresent() && match.get().method() == ItemMatcher.Method.THEME
                && open.stream().noneMatch(i -> i.id().equals(match.get().itemId()))) {
            Optional<ItemMatcher.Match> openMatch = matcher.matchSemantic(themes, embedding, centre, open);
            return openMatch.isPresent() ? openMatch : match;
        }
        return match;
    }

    private static List<ItemMatcher.SemanticCandidate> candidates(List<ImprovementItem> open) {
        return open.stream().map(i -> new ItemMatcher.SemanticCandidate(i.id, i.themes(),
                i.evidenceProfile == null ? null : EvidenceProfile.fromBytes(i.evidenceProfile), i.createdAt))
                .toList();
    }

    /**
     * The comment's embedding as the event carries it (feedback-service's text analysis made it), where it is the
     * vector of this piece's {@code excerpt} ({@link #excerpt} of its comment): by this service's model, of the
     * whole comment (an excerpt no shorter than the comment differs from it only in folded whitespace, which the
     * model's tokenizer reads as one space: {@code CarriedEmbeddingTest}), {@code dimensions} numbers of unit length.
     * Otherwise null, and the excerpt is embedded here.
     */
    public float[] carriedEmbedding(FeedbackReceived f, String excerpt) {
        FeedbackReceived.CommentEmbedding carried = f.commentEmbedding();
        if (carried == null || excerpt == null || !embedder.modelName().equals(carried.model())
                || !excerpt.equals(folded(f.comment()))) {
            return null;
        }
        float[] vector = Vectors.fromBase64(carried.vector());
        if (vector == null || vector.length != embedder.dimensions()) {
            return null;
        }
        return Math.abs(Vectors.norm(vector) - 1) < 1e-3 ? vector : null;
    }

    private static String folded(String comment) {
        return comment.strip().replaceAll("\\s+", " ");
    }

    /** The comment as evidence keeps it: whitespace folded, at most excerpt-length characters. */
    public String excerpt(String comment) {
        if (comment == null || comment.isBlank()) {
            return null;
        }
        String text = folded(comment);
        int max = Math.min(Math.max(config.excerptLength(), 20), 400); // the column holds 400
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 2)) ? max - 2 : max - 1; // never half a character
        return text.substring(0, end).stripTrailing() + "…";
    }
}
