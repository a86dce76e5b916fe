package io.hrloop.request.domain;

import java.io.Serializable;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One revision of a calendar's working time, kept for good: the service-level history of a request is replayed
 * with the revision that was in force for it at each moment. Revision 1 counts for everything before revision 2.
 */
@Entity
@Table(name = "work_calendar_revision")
@IdClass(CalendarRevision.Key.class)
public class CalendarRevision extends PanacheEntityBase {

    /** The primary key: calendar and revision. */
    public static class Key implements Serializable {
        public String calendarKey;
        public int revision;

        public Key() {
        }

        public Key(String calendarKey, int revision) {
            this.calendarKey = calendarKey;
            this.revision = revision;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.revision == revision && java.util.Objects.equals(k.calendarKey, calendarKey);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(calendarKey, revision);
        }
    }

    @Id
    @Column(name = "calendar_key")
    public String calendarKey;
    @Id
    public int revision;
    /** From when it is in force (the moment of the edit). */
    @Column(name = "valid_from")
    public OffsetDateTime validFrom;
    public String zone;
    @Column(name = "working_hours")
    public String workingHours;
    public String holidays;

    /** The working time of a calendar's latest revision, in force from its last update. */
    public static CalendarRevision of(WorkCalendar calendar) {
        CalendarRevision revision = new CalendarRevision();
        revision.calendarKey = calendar.key;
        revision.revision = calendar.revision;
        revision.validFrom = calendar.updatedAt;
        revision.zone = calendar.zone;
        revision.workingHours = calendar.workingHours;
        revision.holidays = calendar.holidays;
        return revision;
    }

    public CalendarRef ref() {
        return new CalendarRef(calendarKey, revision);
    }
}
