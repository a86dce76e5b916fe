package io.hrloop.request.api;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.time.Times;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.service.CatalogService;

/** Maps requests to their views, reading each calendar once per response. */
@ApplicationScoped
public class RequestViews {

    private final CatalogService catalog;
    private final Times times;

    public RequestViews(CatalogService catalog, Times times) {
        this.catalog = catalog;
        this.times = times;
    }

    public RequestView of(HrRequest r) {
        return RequestView.from(r, catalog.businessHours(r.calendarKey), times.now());
    }

    public List<RequestView> of(List<HrRequest> requests) {
        Instant now = times.now();
        Map<String, BusinessHours> calendars = new HashMap<>();
        return requests.stream()
                .map(r -> RequestView.from(r, calendars.computeIfAbsent(r.calendarKey, catalog::businessHours), now))
                .toList();
    }
}
