package io.hrloop.request.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.AuditEntry;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.CalendarRef;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.ServiceLevelReplay;
import io.hrloop.request.domain.ServiceLevels;
import io.hrloop.request.domain.SmallGroups;

/** The attainment report and the recomputation of a request's service levels from its history. */
@ApplicationScoped
public class ServiceLevelService {

    private final EntityManager entityManager;
    private final Access access;
    private final CalendarRevisions revisions;
    private final RequestConfig config;
    private final Times times;

    public ServiceLevelService(EntityManager entityManager, Access access, CalendarRevisions revisions,
            RequestConfig config, Times times) {
        this.entityManager = entityManager;
        this.access = access;
        this.revisions = revisions;
        this.config = config;
        this.times = times;
    }

    /** The live state next to the one recomputed from the audit history alone. */
    public record Recomputation(HrRequest request, BusinessHours hours, ServiceLevels live, ServiceLevels recomputed) {
        public boolean consistent() {
            return live.equals(recomputed);
        }
    }

    public Recomputation recompute(UUID id) {
        HrRequest r = access.visible(id);
        if (!access.seesInternal(r)) {
            throw DomainException.notFound("service-level record of request " + id);
        }
        BusinessHours hours = revisions.hours(r.calendar());
        List<ServiceLevelReplay.Fact> facts = AuditEntry.<AuditEntry>find("requestId = ?1 order by at, id", r.id).stream()
                .map(e -> new ServiceLevelReplay.Fact(e.at.toInstant(), e.field, e.before, e.after)).toList();
        Map<CalendarRef, BusinessHours> calendars = new HashMap<>();
        ServiceLevels recomputed = ServiceLevelReplay.replay(facts, r.calendar(),
                ref -> calendars.computeIfAbsent(ref, revisions::hours), config.sla().atRiskShare());
        return new Recomputation(r, hours, r.serviceLevels(), recomputed);
    }

    public record TargetFigures(long attained, long breached, long pending, Double attainment, double goal,
            Double gapToGoal, Double averageTargetMinutes, Double averageMinutes, Double averageOverrunMinutes) {
    }

    /** A group's figures; a suppressed group shows none (too few requests to show without exposing them). */
    public record Group(String key,
            @Schema(nullable = true, description = "None when the group is suppressed") Long requests, boolean suppressed, TargetFigures firstResponse,
            TargetFigures resolution) {
    }

    public record Report(OffsetDateTime from, OffsetDateTime to, String groupBy, double goal, int minGroupSize,
            List<Group> groups) {
    }

    public static final List<String> GROUPINGS = List.of("type", "team", "week", "month");

    /**
     * The start of a request's ISO week in UTC, as an instant: weeks of 7 days from a Monday midnight UTC (1 January
     * 1900), the same as {@code date_trunc('week', created_at at time zone 'UTC')} for less arithmetic per row.
     */
    private static final String WEEK = "date_bin('7 days', r.created_at, timestamptz '1900-01-01 00:00:00+00')";

    /**
     * Attainment per group over the requests created in [from, to) that the caller may see as HR (so
     * confidential cases count only for er-specialists). A running target past due counts as breached. Withdrawn
     * requests are left out: their clocks stopped without a verdict.
     *
     * <p>Small numbers are protected (see {@link SmallGroups}): the period is whole ISO weeks in UTC, a cell
     * (request type × team × week) with fewer than the minimum of requests is left out of every figure and
     * count, and a group with no cell left is shown as suppressed.
     */
    @SuppressWarnings("unchecked")
    @Transactional
    public Report report(OffsetDateTime from, OffsetDateTime to, String groupBy, String type, String team) {
        String grouping = groupBy == null ? "type" : groupBy;
        // Every grouping is a function of the cell (request type x team x ISO week), so cells are summed once and
        // groups are sums of the cells large enough to be counted.
        String key = switch (grouping) {
            case "type" -> "type_key";
            case "team" -> "team";
            case "week" -> "to_char(wk at time zone 'UTC', 'IYYY-\"W\"IW')";
            // A month is the ISO weeks whose Thursday falls in it, so that months are whole weeks.
            case "month" -> "to_char((wk at time zone 'UTC') + interval '3 days', 'YYYY-MM')";
            default -> throw DomainException.invalid("invalid-group", "groupBy must be one of " + GROUPINGS);
        };
        Instant now = times.now();
        OffsetDateTime end = SmallGroups.weekCeiling(to == null ? now.atOffset(ZoneOffset.UTC) : to);
        OffsetDateTime start = SmallGroups.weekFloor(from == null ? end.minusDays(30) : from);
        if (!start.isBefore(end)) {
            throw DomainException.invalid("invalid-period", "from must be before to (both are moved to whole ISO weeks)");
        }
        int min = config.reports().minGroupSize();
        Map<String, Object> params = new HashMap<>();
        String where = " and " + access.hrClause(params) + " and r.created_at >= :from and r.created_at < :to"
                + " and r.status <> 'WITHDRAWN'";
        params.put("from", start);
        params.put("to", end);
        params.put("now", now.atOffset(ZoneOffset.UTC));
        params.put("min", min);
        if (type != null) {
            where += " and r.type_key = :type";
            params.put("type", type);
        }
        if (team != null) {
            where += " and r.team = :team";
            params.put("team", team);
        }
        // The visible requests are read arm by arm (the team's from the team index alone, which holds every column
        // read here), each row's verdicts computed once; rows alike in all but their minutes are counted together
        // first, so that each row feeds three sums, and the cells are summed over those parts.
        String rows = "select r.type_key, r.team, " + WEEK + " as wk, " + measures("fr") + ", " + measures("res")
                + " from hr_request r where ";
        String period = where;
        String visible = String.join(" union all ", access.hrArms(params).stream().map(arm -> rows + arm + period).toList());
        String sql = "with visible as (" + visible + "), parts as (select type_key, team, wk, fr_state, fr_target,"
                + " fr_elapsed is not null as fr_done, res_state, res_target, res_elapsed is not null as res_done,"
                + " count(*) as n, sum(fr_elapsed) as fr_elapsed, sum(res_elapsed) as res_elapsed from visible"
                + " group by 1, 2, 3, 4, 5, 6, 7, 8, 9), cells as (select type_key, team, wk, sum(n) as n, "
                + partials("fr") + ", " + partials("res") + " from parts group by 1, 2, 3) select " + key
                + ", coalesce(sum(n) filter (where n >= :min), 0), " + figures("fr") + ", " + figures("res")
                + " from cells group by 1 order by 1";
        // Planned for this call's period, in this transaction only: after five calls PostgreSQL would reuse a plan made
        // without the dates, which expects a few hundred rows and sorts tens of thousands on disk (twice as slow).
        entityManager.createNativeQuery("select set_config('plan_cache_mode', 'force_custom_plan', true)").getSingleResult();
        var query = entityManager.createNativeQuery(sql);
        params.forEach(query::setParameter);
        double goal = config.sla().attainmentGoal();
        List<Group> groups = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            long kept = number(row[1]).longValue();
            groups.add(kept == 0 ? new Group((String) row[0], null, true, null, null)
                    : new Group((String) row[0], kept, false, target(row, 2, goal), target(row, 8, goal)));
        }
        return new Report(start, end, grouping, goal, min, groups);
    }

    /**
     * A row's state and figures for one target ({@code fr} or {@code res}): its verdict (a running target past due
     * counts as breached; none while pending), its target, and its business minutes once completed.
     */
    private static String measures(String p) {
        return "case when r." + p + "_outcome is not null then r." + p + "_outcome when r." + p
                + "_running_since is not null and r." + p + "_due_at < :now then 'BREACHED' end as " + p + "_state, r." + p
                + "_target_minutes as " + p + "_target, case when r." + p + "_completed_at is not null then r." + p
                + "_elapsed_seconds / 60.0 end as " + p + "_elapsed";
    }

    /**
     * A cell's sums for one target ({@code fr} or {@code res}) over its parts, from which its groups' figures are made.
     * In a part the target is one value, so the sum of the rows' overruns is its minutes less n times its target.
     */
    private static String partials(String p) {
        String done = " filter (where " + p + "_done)";
        return "sum(n) filter (where " + p + "_state = 'ATTAINED') as " + p + "_attained, sum(n) filter (where " + p
                + "_state = 'BREACHED') as " + p + "_breached, sum(n) filter (where " + p + "_state is null) as " + p
                + "_pending, sum(" + p + "_target * n) as " + p + "_target_sum, sum(n) filter (where " + p
                + "_target is not null) as " + p + "_target_n, sum(" + p + "_elapsed) as " + p + "_elapsed_sum, sum(n)"
                + done + " as " + p + "_elapsed_n, sum(" + p + "_elapsed - " + p + "_target * n) as " + p
                + "_overrun_sum, sum(n) filter (where " + p + "_done and " + p + "_target is not null) as " + p + "_overrun_n";
    }

    /** The figures of one target over the kept cells only: counts, and averages as sums over counts. */
    private static String figures(String p) {
        String kept = " filter (where n >= :min)";
        return "coalesce(sum(" + p + "_attained)" + kept + ", 0), coalesce(sum(" + p + "_breached)" + kept
                + ", 0), coalesce(sum(" + p + "_pending)" + kept + ", 0), " + average(p + "_target", kept) + ", "
                + average(p + "_elapsed", kept) + ", " + average(p + "_overrun", kept);
    }

    private static String average(String measure, String kept) {
        return "sum(" + measure + "_sum)" + kept + " / nullif(sum(" + measure + "_n)" + kept + ", 0)";
    }

    private static TargetFigures target(Object[] row, int i, double goal) {
        long attained = number(row[i]).longValue();
        long breached = number(row[i + 1]).longValue();
        long pending = number(row[i + 2]).longValue();
        Double attainment = attained + breached == 0 ? null : round((double) attained / (attained + breached));
        return new TargetFigures(attained, breached, pending, attainment, goal,
                attainment == null ? null : round(attainment - goal), decimal(row[i + 3]), decimal(row[i + 4]),
                decimal(row[i + 5]));
    }

    private static Number number(Object value) {
        return (Number) value;
    }

    private static Double decimal(Object value) {
        return value == null ? null : round(((Number) value).doubleValue());
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
