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
    public String problem;
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

    public List<String> themes() {
        return ThemeColumn.decode(storedThemes);
    }

    public void themes(List<String> themes) {
        storedThemes = ThemeColumn.encode(themes);
    }
}
