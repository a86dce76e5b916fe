package io.hrloop.request.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.CalendarRef;
import io.hrloop.request.domain.CalendarRevision;
import io.hrloop.request.domain.WorkCalendar;

/** The kept revisions of the business calendars: the working time a request's plan was counted with. */
@ApplicationScoped
public class CalendarRevisions {

    private final CatalogService catalog;

    public CalendarRevisions(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The business hours of one revision (the latest is read from the calendar itself). */
    public BusinessHours hours(CalendarRef ref) {
        WorkCalendar calendar = catalog.calendar(ref.key());
        if (ref.revision() == calendar.revision) {
            return catalog.businessHours(calendar.zone, calendar.workingHours, calendar.holidays);
        }
        CalendarRevision revision = revision(ref.key(), ref.revision());
        return catalog.businessHours(revision.zone, revision.workingHours, revision.holidays);
    }

    public CalendarRevision revision(String calendarKey, int revision) {
        CalendarRevision found = CalendarRevision.findById(new CalendarRevision.Key(calendarKey, revision));
        if (found == null) {
            throw DomainException.notFound("revision " + revision + " of calendar " + calendarKey);
        }
        return found;
    }

    /** A calendar's revisions, newest first. */
    public Page<CalendarRevision> list(String calendarKey, String cursor, int limit) {
        catalog.calendar(calendarKey);
        Cursor after = Cursor.read(cursor, 1);
        List<CalendarRevision> found = CalendarRevision.<CalendarRevision>find(
                "calendarKey = ?1 and revision < ?2 order by revision desc", calendarKey,
                after == null ? Integer.MAX_VALUE : (int) Math.clamp(after.number(0), 0, Integer.MAX_VALUE)).page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of((long) last.revision));
    }
}
