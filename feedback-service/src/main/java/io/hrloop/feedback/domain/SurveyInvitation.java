package io.hrloop.feedback.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An invitation to rate one resolved request, answered once through its unguessable token. */
@Entity
@Table(name = "survey_invitation")
public class SurveyInvitation extends PanacheEntityBase {

    @Id
    public UUID id;
    public String token;
    @Column(name = "request_id")
    public UUID requestId;
    public String reference;
    public String subject;
    @Column(name = "request_type")
    public String requestType;
    public String team;
    @Column(name = "person_id")
    public String personId;
    @Enumerated(EnumType.STRING)
    public InvitationStatus status;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Column(name = "feedback_id")
    public UUID feedbackId;

    public boolean expiredAt(OffsetDateTime now) {
        return !now.isBefore(expiresAt);
    }
}
