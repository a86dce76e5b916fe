package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The breach log: one row per missed target of a request. */
@Entity
@Table(name = "sla_breach")
public class SlaBreach extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "breach_key")
    public String breachKey;
    @Column(name = "request_id")
    public UUID requestId;
    public String reference;
    @Column(name = "request_type")
    public String requestType;
    public String team;
    public String target;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public static String key(UUID requestId, String target) {
        return requestId + ":" + target;
    }
}
