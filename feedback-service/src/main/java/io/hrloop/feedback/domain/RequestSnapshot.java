package io.hrloop.feedback.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The latest known state of a request, from its events; {@code eventsApplied} counts the events folded in. */
@Entity
@Table(name = "request_snapshot")
public class RequestSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "request_id")
    public UUID requestId;
    public String reference;
    @Column(name = "request_type")
    public String requestType;
    public String team;
    public String status;
    public boolean confidential;
    public String requester;
    public String subject;
    @Column(name = "survey_sampling_rate")
    public Double surveySamplingRate;
    @Column(name = "last_event_time")
    public OffsetDateTime lastEventTime;
    @Column(name = "events_applied")
    public int eventsApplied;
}
