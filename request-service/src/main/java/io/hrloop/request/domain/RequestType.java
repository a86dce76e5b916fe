package io.hrloop.request.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An entry of the request-type catalogue. */
@Entity
@Table(name = "request_type")
public class RequestType extends PanacheEntityBase {

    @Id
    public String key;
    public String name;
    /** Wire value of {@link Category}. */
    public String category;
    @Enumerated(EnumType.STRING)
    @Column(name = "default_priority")
    public Priority defaultPriority;
    public String team;
    public boolean confidential;
    @Column(name = "calendar_key")
    public String calendarKey;
    /** JSON: priority → {firstResponseMinutes, resolutionMinutes}. */
    public String targets;
    @Column(name = "survey_sampling_rate")
    public BigDecimal surveySamplingRate;
    public boolean active;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
