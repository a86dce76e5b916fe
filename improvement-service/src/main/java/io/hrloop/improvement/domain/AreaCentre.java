package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hrloop.text.RunningMean;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The centre of an area: the running mean of the embeddings of every feedback comment about it. Matching
 * compares complaints after moving them by it ({@link io.hrloop.text.GapSimilarity}).
 */
@Entity
@Table(name = "area_centre")
public class AreaCentre extends PanacheEntityBase {

    @Id
    public String area;
    public byte[] centre;
    @jakarta.persistence.Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public RunningMean mean() {
        return RunningMean.fromBytes(centre);
    }
}
