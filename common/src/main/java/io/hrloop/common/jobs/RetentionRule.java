package io.hrloop.common.jobs;

import java.time.Duration;

/**
 * A table that only grows, pruned by {@link Retention}: rows whose {@code column} is older than
 * {@code keep} (and match {@code condition}, a SQL predicate, or "true") are deleted. A service adds its own
 * rules as CDI beans.
 */
public record RetentionRule(String table, String column, Duration keep, String condition) {

    public RetentionRule {
        if (!table.matches("[a-z_]+") || !column.matches("[a-z_]+")) {
            throw new IllegalArgumentException("table and column must be plain identifiers");
        }
    }
}
