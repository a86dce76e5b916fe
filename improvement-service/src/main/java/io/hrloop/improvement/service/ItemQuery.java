package io.hrloop.improvement.service;

import java.util.List;

import io.hrloop.improvement.domain.ItemStatus;

/** A backlog listing: filters, order and page. {@code publicOnly} limits it to implemented and verified items. */
public record ItemQuery(List<ItemStatus> statuses, String area, String theme, Sort sort, int limit, String cursor,
        boolean publicOnly) {

    public enum Sort {
        /** Priority (impact ÷ effort) first, unestimated items after the estimated ones, then impact. */
        PRIORITY,
        IMPACT,
        CREATED
    }
}
