package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A lesson learnt, success story or best practice attached to an item. */
@Entity
@Table(name = "improvement_lesson")
public class Lesson extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    @Enumerated(EnumType.STRING)
    public LessonKind kind;
    public String title;
    public String body;
    public String author;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    /** The embedding of title and body, unit length, as {@link io.hrloop.text.Vectors#toBytes} writes it. */
    public byte[] embedding;
}
