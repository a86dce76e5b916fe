package io.hrloop.improvement.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A partial update: null means "leave as is", except where a *Set flag says the null is meant (clearing the effort,
 * the target date or the public summary).
 */
public record ItemPatch(String title, String problem, List<String> themes, boolean effortSet, BigDecimal effort,
        boolean targetDateSet, LocalDate targetDate, boolean publicSummarySet, String publicSummary) {
}
