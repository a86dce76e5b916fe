package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** HR's internal discussion of an item. */
@Entity
@Table(name = "improvement_comment")
public class ItemComment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "item_id")
    public UUID itemId;
    public String author;
    public String body;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
