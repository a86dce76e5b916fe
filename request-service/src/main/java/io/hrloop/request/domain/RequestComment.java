package io.hrloop.request.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A comment of the conversation on a request. */
@Entity
@Table(name = "request_comment")
public class RequestComment extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    public String author;
    public String body;
    @Enumerated(EnumType.STRING)
    public Visibility visibility;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
}
