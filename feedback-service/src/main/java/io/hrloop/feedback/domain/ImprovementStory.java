package io.hrloop.feedback.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An implemented improvement as everyone sees it: what was done and how much feedback led to it, never who. */
@Entity
@Table(name = "improvement_story")
public class ImprovementStory extends PanacheEntityBase {

    @Id
    @Column(name = "improvement_id")
    public UUID improvementId;
    public String title;
    public String summary;
    public String area;
    public String themes;
    @Column(name = "feedback_count")
    public int feedbackCount;
    @Column(name = "implemented_at")
    public OffsetDateTime implementedAt;
}
