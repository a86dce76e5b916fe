package io.hrloop.request.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change of a request: who, when, which field, before and after. Append-only (a trigger enforces it). */
@Entity
@Table(name = "request_audit")
public class AuditEntry extends PanacheEntityBase {

    /** Numbered in blocks of 50 per replica: entries of one request are ordered by {@link #at}, then id. */
    @Id
    @SequenceGenerator(name = "request_audit_id", sequenceName = "request_audit_id_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "request_audit_id")
    public Long id;
    @Column(name = "request_id")
    public UUID requestId;
    public OffsetDateTime at;
    public String actor;
    public String field;
    @Column(name = "before_value")
    public String before;
    @Column(name = "after_value")
    public String after;
    public String note;
    public boolean internal;
}
