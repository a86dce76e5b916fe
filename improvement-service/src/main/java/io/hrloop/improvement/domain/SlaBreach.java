package io.hrloop.improvement.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.hrloop.common.contract.RequestSlaBreached;
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
    /** A breach of a confidential request: counted and linked only with confidential items. */
    public boolean confidential;
    @Column(name = "due_at")
    public OffsetDateTime dueAt;
    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    /** The log row of a breach announced by request-service. */
    public static SlaBreach of(RequestSlaBreached event) {
        SlaBreach breach = new SlaBreach();
        breach.id = UUID.randomUUID();
        breach.breachKey = key(event.requestId(), event.target());
        breach.requestId = event.requestId();
        breach.reference = event.reference();
        breach.requestType = event.requestType();
        breach.team = event.team();
        breach.target = event.target();
        breach.confidential = event.confidential();
        breach.dueAt = event.dueAt();
        breach.occurredAt = event.occurredAt();
        return breach;
    }

    public static String key(UUID requestId, String target) {
        return requestId + ":" + target;
    }
}
