package io.hrloop.request.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.CalendarRef;
import io.hrloop.request.domain.CalendarRevision;

/** The kept revisions of the business calendars: the working time a request's plan was counted with. */
@ApplicationScoped
public class CalendarRevisions {

    private final CatalogService catalog;
    /** Revisions never change once written: what a committed one counts with is kept for good. */
    private final Cache<CalendarRef, BusinessHours> hours = Caffeine.newBuilder().maximumSize(1_000).build();

    public CalendarRevisions(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The business hours of one revision. */
    public BusinessHours hours(CalendarRef ref) {
        BusinessHours cached = hours.getIfPresent(ref);
        if (cached != null) {
            return cached;
        }
        CalendarRevision revision = revision(ref.key(), ref.revision());
        BusinessHours read = catalog.businessHours(revision.zone, revision.workingHours, revision.holidays);
        if (!catalog.changing()) {
            hours.put(ref, read);
        }
        return read;
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
