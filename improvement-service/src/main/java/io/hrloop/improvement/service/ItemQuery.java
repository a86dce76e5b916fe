package io.hrloop.improvement.service;

import java.util.List;

import io.hrloop.improvement.domain.ItemStatus;

/**
 * A backlog listing: filters ({@code confidential} null: both, as far as the caller may see them), order and page,
 * for a caller with {@code access}.
 */
public record ItemQuery(List<ItemStatus> statuses, String area, String theme, Boolean confidential, Sort sort,
        int limit, String cursor, Access access) {

    public enum Sort {
        /** Priority (impact ÷ effort) first, unestimated items after the estimated ones, then impact. */
        PRIORITY,
        IMPACT,
        CREATED
    }
}
