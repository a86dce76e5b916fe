package io.hrloop.improvement.domain;

import java.math.BigDecimal;
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
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "improvement_item")
public class ImprovementItem extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    /** HR's statement of the problem: may rest on what people wrote, so HR roles only. */
    public String problem;
    /** What HR tells everyone about the item (with the title, the implementation summary and lessons). */
    @Column(name = "public_summary")
    public String publicSummary;
    /** Rests on employee-relations (confidential) evidence: er-specialists only, never matched with other items. */
    public boolean confidential;
    public String area;
    @Column(name = "themes")
    public String storedThemes;
    @Enumerated(EnumType.STRING)
    public ItemStatus status;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    public String owner;
    public BigDecimal effort;
    @Column(name = "target_date")
    public LocalDate targetDate;
    @Column(name = "impact_score")
    public double impactScore;
    public Double priority;
    @Column(name = "evidence_count")
    public int evidenceCount;
    @Column(name = "distinct_people")
    public int distinctPeople;
    /** Running aggregates of the evidence (see {@link ImpactScore}): the score never rereads the evidence rows. */
    @Column(name = "signed_people")
    public int signedPeople;
    @Column(name = "anonymous_pieces")
    public int anonymousPieces;
    @Column(name = "impact_signed")
    public double impactSigned;
    @Column(name = "impact_anonymous")
    public double impactAnonymous;
    /** The day the two sums are as of; null on rows from before the aggregates (rebuilt from the evidence). */
    @Column(name = "impact_as_of")
    public LocalDate impactAsOf;
    @Column(name = "gap_key")
    public String gapKey;
    /** The bounded summary of its feedback evidence's embeddings ({@link io.hrloop.text.EvidenceProfile}). */
    @Column(name = "evidence_profile")
    public byte[] evidenceProfile;
    @Column(name = "status_reason")
    public String statusReason;
    @Column(name = "merged_into")
    public UUID mergedInto;
    @Column(name = "implemented_at")
    public OffsetDateTime implementedAt;
    @Column(name = "implementation_summary")
    public String implementationSummary;
    /** When the item was last REJECTED: for rejected-memory after it, the item still takes its gap's evidence. */
    @Column(name = "rejected_at")
    public OffsetDateTime rejectedAt;
    /** Pieces of evidence that joined the item since its last rejection ("raised again N times"). */
    @Column(name = "raised_again")
    public int raisedAgain;
    @Column(name = "verified_at")
    public OffsetDateTime verifiedAt;
    public String verification;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;

    public ImpactScore.Sums sums() {
        return new ImpactScore.Sums(impactSigned, impactAnonymous, anonymousPieces, impactAsOf);
    }

    public void sums(ImpactScore.Sums sums) {
        impactSigned = sums.signed();
        impactAnonymous = sums.anonymous();
        anonymousPieces = sums.anonymousPieces();
        impactAsOf = sums.asOf();
    }

    public List<String> themes() {
        return ThemeColumn.decode(storedThemes);
    }

    public void themes(List<String> themes) {
        storedThemes = ThemeColumn.encode(themes);
    }
}
