package io.hrloop.request.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.Generated;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An HR request with its two service-level timers. */
@Entity
@Table(name = "hr_request")
public class HrRequest extends PanacheEntityBase {

    @Id
    public UUID id;
    /** HR-000123: given by the insert (the column's default draws the sequence) and read back with the row. */
    @Generated
    @Column(insertable = false, updatable = false)
    public String reference;
    @Column(name = "type_key")
    public String typeKey;
    public String category;
    public String subject;
    public String description;
    @Enumerated(EnumType.STRING)
    public Priority priority;
    @Enumerated(EnumType.STRING)
    public Channel channel;
    @Enumerated(EnumType.STRING)
    public RequestStatus status;
    public String requester;
    @Column(name = "on_behalf_of")
    public String onBehalfOf;
    @Column(name = "submitted_by")
    public String submittedBy;
    /** Kept only while a mail to the requester may be due (README, Mail); null once the request is final. */
    @Column(name = "requester_email")
    public String requesterEmail;
    @Column(name = "requester_locale")
    public String requesterLocale;
    public String owner;
    public String team;
    public boolean confidential;
    @Column(name = "calendar_key")
    public String calendarKey;
    /** The revision of the calendar the service-level plan is counted with (see {@link CalendarRef}). */
    @Column(name = "calendar_revision")
    public int calendarRevision;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Column(name = "resolved_at")
    public OffsetDateTime resolvedAt;
    @Column(name = "closed_at")
    public OffsetDateTime closedAt;

    @Column(name = "fr_target_minutes")
    public int frTargetMinutes;
    @Column(name = "fr_elapsed_seconds")
    public long frElapsedSeconds;
    @Column(name = "fr_running_since")
    public OffsetDateTime frRunningSince;
    @Column(name = "fr_due_at")
    public OffsetDateTime frDueAt;
    @Column(name = "fr_at_risk_at")
    public OffsetDateTime frAtRiskAt;
    @Column(name = "fr_completed_at")
    public OffsetDateTime frCompletedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "fr_outcome")
    public SlaOutcome frOutcome;
    @Column(name = "fr_at_risk_notified")
    public boolean frAtRiskNotified;
    @Column(name = "fr_breach_notified")
    public boolean frBreachNotified;

    @Column(name = "res_target_minutes")
    public int resTargetMinutes;
    @Column(name = "res_elapsed_seconds")
    public long resElapsedSeconds;
    @Column(name = "res_running_since")
    public OffsetDateTime resRunningSince;
    @Column(name = "res_due_at")
    public OffsetDateTime resDueAt;
    @Column(name = "res_at_risk_at")
    public OffsetDateTime resAtRiskAt;
    @Column(name = "res_completed_at")
    public OffsetDateTime resCompletedAt;
    @Enumerated(EnumType.STRING)
    @Column(name = "res_outcome")
    public SlaOutcome resOutcome;
    @Column(name = "res_at_risk_notified")
    public boolean resAtRiskNotified;
    @Column(name = "res_breach_notified")
    public boolean resBreachNotified;

    @Version
    public long version;

    public ServiceLevels serviceLevels() {
        return new ServiceLevels(
                new SlaTimer(frTargetMinutes, frElapsedSeconds, instant(frRunningSince), instant(frDueAt),
                        instant(frAtRiskAt), instant(frCompletedAt), frOutcome, frAtRiskNotified, frBreachNotified),
                new SlaTimer(resTargetMinutes, resElapsedSeconds, instant(resRunningSince), instant(resDueAt),
                        instant(resAtRiskAt), instant(resCompletedAt), resOutcome, resAtRiskNotified,
                        resBreachNotified));
    }

    public void serviceLevels(ServiceLevels levels) {
        SlaTimer fr = levels.firstResponse();
        frTargetMinutes = fr.targetMinutes();
        frElapsedSeconds = fr.elapsedSeconds();
        frRunningSince = time(fr.runningSince());
        frDueAt = time(fr.dueAt());
        frAtRiskAt = time(fr.atRiskAt());
        frCompletedAt = time(fr.completedAt());
        frOutcome = fr.outcome();
        frAtRiskNotified = fr.atRiskNotified();
        frBreachNotified = fr.breachNotified();
        SlaTimer res = levels.resolution();
        resTargetMinutes = res.targetMinutes();
        resElapsedSeconds = res.elapsedSeconds();
        resRunningSince = time(res.runningSince());
        resDueAt = time(res.dueAt());
        resAtRiskAt = time(res.atRiskAt());
        resCompletedAt = time(res.completedAt());
        resOutcome = res.outcome();
        resAtRiskNotified = res.atRiskNotified();
        resBreachNotified = res.breachNotified();
    }

    public CalendarRef calendar() {
        return new CalendarRef(calendarKey, calendarRevision);
    }

    /** The request is final: no mail to its requester is due any more, so their address is let go. */
    public void forgetRequesterAddress() {
        requesterEmail = null;
        requesterLocale = null;
    }

    /** The requester's side: the person it is for, the one who filed it, and the integration that sent it. */
    public boolean isRequesterSide(String person) {
        return person != null && (person.equals(requester) || person.equals(onBehalfOf) || person.equals(submittedBy));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
