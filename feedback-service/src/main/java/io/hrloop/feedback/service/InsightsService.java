package io.hrloop.feedback.service;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.domain.DomainException;
import io.hrloop.feedback.config.FeedbackConfig;
import io.hrloop.feedback.domain.InsightMetrics;
import io.hrloop.feedback.domain.Publication;
import io.hrloop.feedback.domain.Publication.Cell;
import io.hrloop.feedback.domain.Rollups.Counts;
import io.hrloop.feedback.domain.Rollups.Dimension;
import io.hrloop.feedback.domain.Rollups.Grain;

/**
 * Insights read from the weekly cell rollups only (the cost depends on the weeks and cells asked for, not on the
 * responses), every figure a sum of publishable cells ({@link Publication}).
 */
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

    /** {@code from} and {@code to} are the range snapped to whole ISO weeks; the requested days beside them. */
    public record Report(LocalDate from, LocalDate to, LocalDate requestedFrom, LocalDate requestedTo, GroupBy groupBy,
            Grain trendGrain, int minResponses, Group overall, List<Group> groups) {
    }

    /** One cell's publishable counts in one week. */
    private record Part(Cell cell, LocalDate week, Counts counts) {
    }

    /**
     * The report over the ISO weeks covering [from, to]. Confidential cells (feedback about a confidential
     * request type) count only for callers who may see them, in their team and overall, never by type.
     */
    public Report report(LocalDate from, LocalDate to, GroupBy groupBy, Grain trend, boolean withConfidential) {
        if (from.isAfter(to)) {
            throw DomainException.invalid("invalid-range", "from must not be after to");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw DomainException.invalid("invalid-range", "a report covers at most " + MAX_DAYS + " days");
        }
        LocalDate first = Publication.weekStart(from);
        LocalDate last = Publication.weekEnd(to);
        Grain trendGrain = switch (groupBy) {
            case WEEK -> Grain.WEEK;
            case MONTH -> Grain.MONTH;
            default -> trend != null ? trend : ChronoUnit.WEEKS.between(first, last.plusDays(1)) <= 26 ? Grain.WEEK : Grain.MONTH;
        };
        int minN = config.insights().minResponses();
        List<Part> parts = new ArrayList<>();
        store.series(Grain.WEEK, Dimension.CELL, first, last).forEach((key, weeks) -> {
            Cell cell = Publication.Cell.parse(key);
            if (!confidential(cell) || withConfidential) {
                weeks.forEach((week, counts) -> parts.add(new Part(cell, week, Publication.publishable(counts, minN))));
            }
        });
        List<LocalDate> periods = periods(trendGrain, first, last);
        Group overall = group("all", parts, trendGrain, periods);
        List<Group> groups = new ArrayList<>();
        switch (groupBy) {
            case WEEK, MONTH -> {
                for (Point point : overall.trend()) {
                    groups.add(new Group(point.periodStart().toString(), point.metrics(), List.of()));
                }
            }
            case TYPE -> byKey(parts, p -> confidential(p.cell()) ? null : p.cell().type())
                    .forEach((key, mine) -> groups.add(group(key, mine, trendGrain, periods)));
            case TEAM -> byKey(parts, p -> p.cell().team())
                    .forEach((key, mine) -> groups.add(group(key, mine, trendGrain, periods)));
        }
        return new Report(first, last, from, to, groupBy, trendGrain, minN, overall, groups);
    }

    /** Confidential by the event that recorded it, or by configuration (before any event said so). */
    private boolean confidential(Cell cell) {
        return cell.confidential() || cell.type() != null && config.confidentialRequestTypes().contains(cell.type());
    }

    /**
     * The parts of each group; a group seen in the range appears even when none of its cells is publishable
     * (then suppressed), so a portal can say there were too few responses.
     */
    private static Map<String, List<Part>> byKey(List<Part> parts, Function<Part, String> key) {
        Map<String, List<Part>> groups = new TreeMap<>();
        for (Part part : parts) {
            String k = key.apply(part);
            if (k != null) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(part);
            }
        }
        return groups;
    }

    private Group group(String key, List<Part> parts, Grain grain, List<LocalDate> periods) {
        Map<LocalDate, Counts> byPeriod = new LinkedHashMap<>();
        periods.forEach(period -> byPeriod.put(period, Counts.ZERO));
        Counts total = Counts.ZERO;
        for (Part part : parts) {
            total = total.plus(part.counts());
            byPeriod.merge(period(grain, part.week()), part.counts(), Counts::plus);
        }
        List<Point> trend = new ArrayList<>();
        byPeriod.forEach((period, counts) -> trend.add(new Point(period, metrics(counts))));
        return new Group(key, metrics(total), trend);
    }

    private static LocalDate period(Grain grain, LocalDate week) {
        return grain == Grain.MONTH ? Publication.monthOf(week) : week;
    }

    /** Every week of the range, or every month one of its weeks belongs to. */
    private static List<LocalDate> periods(Grain grain, LocalDate first, LocalDate last) {
        List<LocalDate> periods = new ArrayList<>();
        for (LocalDate week = first; week.isBefore(last); week = week.plusWeeks(1)) {
            LocalDate period = period(grain, week);
            if (periods.isEmpty() || !periods.getLast().equals(period)) {
                periods.add(period);
            }
        }
        return periods;
    }

    private InsightMetrics metrics(Counts counts) {
        return InsightMetrics.of(counts, config.insights().minResponses(), config.insights().topThemes());
    }
}
