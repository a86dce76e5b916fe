package io.hrloop.request.domain;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A business calendar as stored, in its latest revision; {@link io.hrloop.request.service.CatalogService} turns
 * it into {@link BusinessHours}. Every revision of its working time is kept as a {@link CalendarRevision}.
 */
@Entity
@Table(name = "work_calendar")
public class WorkCalendar extends PanacheEntityBase {

    @Id
    public String key;
    public String name;
    public String zone;
    /** JSON: weekday → list of {start, end}. */
    @Column(name = "working_hours")
    public String workingHours;
    /** JSON: list of ISO dates. */
    public String holidays;
    /** The latest revision of the working time (zone, hours, holidays); a name change is no new revision. */
    public int revision;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;
    @Version
    public long version;
}
