package io.hrloop.feedback.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.domain.DomainException;
import io.hrloop.feedback.config.FeedbackConfig;
import io.hrloop.feedback.domain.InsightMetrics;
import io.hrloop.feedback.domain.Rollups.Counts;
import io.hrloop.feedback.domain.Rollups.Dimension;
import io.hrloop.feedback.domain.Rollups.Grain;

/** Insights read from the rollups only: the cost depends on the periods and groups asked for, not on the responses. */
@ApplicationScoped
public class InsightsService {

    /** The longest range one request may cover. */
    public static final int MAX_DAYS = 731;

    private final RollupStore store;
    private final FeedbackConfig config;

    public InsightsService(RollupStore store, FeedbackConfig config) {
        this.store = store;
        this.config = config;
    }

    public enum GroupBy {
        TYPE, TEAM, WEEK, MONTH
    }

    public record Point(LocalDate periodStart, InsightMetrics metrics) {
    }

    public record Group(String key, InsightMetrics metrics, List<Point> trend) {
    }

    public record Report(LocalDate from, LocalDate to, GroupBy groupBy, Grain trendGrain, int minResponses, Group overall,
            List<Group> groups) {
    }

    public Report report(LocalDate from, LocalDate to, GroupBy groupBy, Grain trend) {
        if (from.isAfter(to)) {
            throw DomainException.invalid("invalid-range", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("invalid-range", "a report covers at most " + MAX_DAYS + " days");
        }
        Grain trendGrain = switch (groupBy) {
            case WEEK -> Grain.WEEK;
            case MONTH -> Grain.MONTH;
            default -> trend != null ? trend : ChronoUnit.DAYS.between(from, to) <= 182 ? Grain.WEEK : Grain.MONTH;
        };
        int minN = config.insights().minResponses();
        Counts overallCounts = store.totals(Dimension.ALL, from, to).getOrDefault("", Counts.ZERO);
        List<Point> overallTrend = points(store.series(trendGrain, Dimension.ALL, trendGrain.start(from), to)
                .getOrDefault("", Map.of()), trendGrain, from, to);
        Group overall = new Group("all", metrics(overallCounts), overallTrend);
        List<Group> groups = new ArrayList<>();
        if (groupBy == GroupBy.WEEK || groupBy == GroupBy.MONTH) {
            for (Point point : overallTrend) {
                groups.add(new Group(point.periodStart().toString(), point.metrics(), List.of()));
            }
        } else {
            Dimension dimension = groupBy == GroupBy.TYPE ? Dimension.TYPE : Dimension.TEAM;
            Map<String, Map<LocalDate, Counts>> series = store.series(trendGrain, dimension, trendGrain.start(from), to);
            store.totals(dimension, from, to).forEach((key, counts) -> {
                // Confidential request types never appear below team level, whatever was recorded.
                if (dimension == Dimension.TYPE && config.confidentialRequestTypes().contains(key)) {
                    return;
                }
                groups.add(new Group(key, metrics(counts), points(series.getOrDefault(key, Map.of()), trendGrain, from, to)));
            });
        }
        return new Report(from, to, groupBy, trendGrain, minN, overall, groups);
    }

    private InsightMetrics metrics(Counts counts) {
        return InsightMetrics.of(counts, config.insights().minResponses(), config.insights().topThemes());
    }

    /** One point per period overlapping the range, empty periods included (and suppressed). */
    private List<Point> points(Map<LocalDate, Counts> rows, Grain grain, LocalDate from, LocalDate to) {
        List<Point> points = new ArrayList<>();
        for (LocalDate start = grain.start(from); !start.isAfter(to); start = grain.next(start)) {
            points.add(new Point(start, metrics(rows.getOrDefault(start, Counts.ZERO))));
        }
        return points;
    }
}
