package io.hrloop.request.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.time.Times;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.CalendarRef;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.service.CalendarRevisions;

/** Maps requests to their views, reading each calendar (in the revision the request's plan uses) once per response. */
@ApplicationScoped
public class RequestViews {

    private final CalendarRevisions calendars;
    private final Times times;

    public RequestViews(CalendarRevisions calendars, Times times) {
        this.calendars = calendars;
        this.times = times;
    }

    public RequestView of(HrRequest r) {
        return RequestView.from(r, calendars.hours(r.calendar()), times.now());
    }

    public List<RequestView> of(List<HrRequest> requests) {
        Instant now = times.now();
        Map<CalendarRef, BusinessHours> read = new HashMap<>();
        return requests.stream()
                .map(r -> RequestView.from(r, read.computeIfAbsent(r.calendar(), calendars::hours), now))
                .toList();
    }
}
