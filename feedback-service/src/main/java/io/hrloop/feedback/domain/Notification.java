package io.hrloop.feedback.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** "You said, we did": tells a signed contributor that an improvement their feedback led to is in place. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "person_id")
    public String personId;
    @Column(name = "improvement_id")
    public UUID improvementId;
    /** How many of the person's pieces of feedback are linked to the improvement. */
    @Column(name = "your_feedback")
    public int yourFeedback;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "read_at")
    public OffsetDateTime readAt;
}
