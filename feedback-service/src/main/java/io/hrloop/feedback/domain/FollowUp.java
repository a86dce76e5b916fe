package io.hrloop.feedback.domain;

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

/** A follow-up of a poor survey answer, for the lead of the request's team. */
@Entity
@Table(name = "follow_up")
public class FollowUp extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "feedback_id")
    public UUID feedbackId;
    @Column(name = "request_id")
    public UUID requestId;
    public String reference;
    @Column(name = "request_type")
    public String requestType;
    public String team;
    /** The person who answered the survey, to be contacted. */
    @Column(name = "person_id")
    public String personId;
    public Integer csat;
    public Integer nps;
    /** About a confidential request: seen only by employee-relations specialists. */
    public boolean confidential;
    @Enumerated(EnumType.STRING)
    public FollowUpStatus status;
    public String assignee;
    @Enumerated(EnumType.STRING)
    public FollowUpOutcome outcome;
    public String note;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "claimed_at")
    public OffsetDateTime claimedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;
    @Version
    public long version;

    /** A detractor (NPS at or below {@code npsAtMost}) or a CSAT at or below {@code csatAtMost}. */
    public static boolean calledFor(Integer csat, Integer nps, int csatAtMost, int npsAtMost) {
        return csat != null && csat <= csatAtMost || nps != null && nps <= npsAtMost;
    }
}
