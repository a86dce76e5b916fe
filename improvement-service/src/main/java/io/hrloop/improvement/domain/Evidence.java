package io.hrloop.improvement.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hrloop.common.contract.FeedbackReceived;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A piece of negative feedback or a service-level breach linked to one item. */
@Entity
@Table(name = "improvement_evidence")
public class Evidence extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    @Enumerated(EnumType.STRING)
    public EvidenceKind kind;
    @Column(name = "source_id")
    public String sourceId;
    /** Signed feedback only (a pseudonym once the person is erased); never set for anonymous feedback. */
    @Column(name = "person_id")
    public String personId;
    public boolean anonymous;
    /** About a confidential (employee-relations) request: its excerpt and reference are for er-specialists only. */
    public boolean confidential;
    public Integer csat;
    public Integer ces;
    public Integer nps;
    public Double sentiment;
    public boolean frustrated;
    @Column(name = "themes")
    public String storedThemes;
    public String excerpt;
    public String reference;
    @Column(name = "request_id")
    public String requestId;
    @Column(name = "breach_target")
    public String breachTarget;
    @Column(name = "occurred_on")
    public LocalDate occurredOn;
    @Column(name = "linked_at")
    public OffsetDateTime linkedAt;
    @Column(name = "merged_from")
    public UUID mergedFrom;

    /** Negative feedback as evidence; anonymous feedback keeps no person, request or time of linking. */
    public static Evidence ofFeedback(UUID itemId, FeedbackReceived f, List<String> themes, String excerpt,
            OffsetDateTime linkedAt) {
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.itemId = itemId;
        evidence.kind = EvidenceKind.FEEDBACK;
        evidence.sourceId = f.feedbackId().toString();
        evidence.anonymous = f.anonymous();
        evidence.confidential = Boolean.TRUE.equals(f.confidential());
        evidence.personId = f.anonymous() ? null : f.personId();
        // Request references would point back at the person: kept for signed feedback only.
        evidence.reference = f.anonymous() ? null : f.reference();
        evidence.requestId = f.anonymous() ? null : f.requestId();
        evidence.csat = f.csat();
        evidence.ces = f.ces();
        evidence.nps = f.nps();
        evidence.sentiment = f.sentiment();
        evidence.frustrated = f.frustrated();
        evidence.storedThemes = ThemeColumn.encode(themes);
        evidence.excerpt = excerpt;
        evidence.occurredOn = f.receivedOn();
        evidence.linkedAt = f.anonymous() ? null : linkedAt;
        return evidence;
    }

    /** A missed service-level target as evidence. */
    public static Evidence ofBreach(UUID itemId, SlaBreach breach, List<String> themes, OffsetDateTime linkedAt) {
        Evidence evidence = new Evidence();
        evidence.id = UUID.randomUUID();
        evidence.itemId = itemId;
        evidence.kind = EvidenceKind.BREACH;
        evidence.sourceId = breach.breachKey;
        evidence.anonymous = false;
        evidence.confidential = breach.confidential;
        evidence.reference = breach.reference;
        evidence.requestId = breach.requestId.toString();
        evidence.breachTarget = breach.target;
        evidence.storedThemes = ThemeColumn.encode(themes);
        evidence.excerpt = breach.target + " target of " + breach.reference + " missed (due "
                + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(breach.dueAt.withOffsetSameInstant(ZoneOffset.UTC)) + ")";
        evidence.occurredOn = breach.occurredAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        evidence.linkedAt = linkedAt;
        return evidence;
    }

    public List<String> themes() {
        return ThemeColumn.decode(storedThemes);
    }

    public ImpactScore.Facts facts() {
        return new ImpactScore.Facts(kind, csat, nps, sentiment, frustrated, occurredOn, isAnonymousFeedback());
    }

    /** Feedback nobody signed: it counts toward the anonymous share of distinct people (see {@link ImpactScore}). */
    public boolean isAnonymousFeedback() {
        return kind == EvidenceKind.FEEDBACK && (anonymous || personId == null);
    }

    /** Feedback signed by a person (or their pseudonym): it counts that person once. */
    public boolean isSignedFeedback() {
        return kind == EvidenceKind.FEEDBACK && !isAnonymousFeedback();
    }
}
