package io.hrloop.improvement.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    public List<String> themes() {
        return Theme.decode(storedThemes);
    }

    public ImpactScore.Facts facts() {
        return new ImpactScore.Facts(kind, csat, nps, sentiment, frustrated, occurredOn);
    }

    /** Who raised it, for counting distinct people: anonymous feedback counts as its own person. */
    public String personKey() {
        if (kind != EvidenceKind.FEEDBACK) {
            return null;
        }
        return anonymous || personId == null ? "anonymous:" + sourceId : "person:" + personId;
    }
}
