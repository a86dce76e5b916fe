package io.hrloop.request.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A decline of a request: proposed by its owner, decided by an hr-lead, appealable once. */
@Entity
@Table(name = "request_decline")
public class RequestDecline extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "request_id")
    public UUID requestId;
    @Enumerated(EnumType.STRING)
    public DeclineStatus status;
    @Enumerated(EnumType.STRING)
    public DeclineReason reason;
    @Enumerated(EnumType.STRING)
    @Column(name = "sub_reason")
    public DeclineSubReason subReason;
    public String explanation;
    @Column(name = "policy_reference")
    public String policyReference;
    public String alternative;
    @Enumerated(EnumType.STRING)
    @Column(name = "previous_status")
    public RequestStatus previousStatus;
    @Column(name = "proposed_by")
    public String proposedBy;
    @Column(name = "proposed_at")
    public OffsetDateTime proposedAt;
    @Column(name = "decided_by")
    public String decidedBy;
    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;
    @Column(name = "decision_note")
    public String decisionNote;
    @Column(name = "appeal_statement")
    public String appealStatement;
    @Column(name = "appealed_by")
    public String appealedBy;
    @Column(name = "appealed_at")
    public OffsetDateTime appealedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "appeal_outcome")
    public AppealOutcome appealOutcome;
    @Column(name = "appeal_decided_by")
    public String appealDecidedBy;
    @Column(name = "appeal_decided_at")
    public OffsetDateTime appealDecidedAt;
    @Column(name = "appeal_note")
    public String appealNote;
    @Version
    public long version;
}
