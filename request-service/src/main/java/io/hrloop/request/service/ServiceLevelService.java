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

import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.AuditEntry;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.ServiceLevelReplay;
import io.hrloop.request.domain.ServiceLevels;
import io.hrloop.request.domain.SmallGroups;

/** The attainment report and the recomputation of a request's service levels from its history. */
@ApplicationScoped
public class ServiceLevelService {

    private final EntityManager entityManager;
    private final Access access;
    private final CatalogService catalog;
    private final RequestConfig config;
    private final Times times;

    public ServiceLevelService(EntityManager entityManager, Access access, CatalogService catalog, RequestConfig config,
            Times times) {
        this.entityManager = entityManager;
        this.access = access;
        this.catalog = catalog;
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
        BusinessHours hours = catalog.businessHours(r.calendarKey);
        List<ServiceLevelReplay.Fact> facts = AuditEntry.<AuditEntry>find("requestId = ?1 order by at, id", r.id).stream()
                .map(e -> new ServiceLevelReplay.Fact(e.at.toInstant(), e.field, e.before, e.after)).toList();
        ServiceLevels recomputed = ServiceLevelReplay.replay(facts, hours, config.sla().atRiskShare());
        return new Recomputation(r, hours, r.serviceLevels(), recomputed);
    }

    public record TargetFigures(long attained, long breached, long pending, Double attainment, double goal,
            Double gapToGoal, Double averageTargetMinutes, Double averageMinutes, Double averageOverrunMinutes) {
    }

    /** A group's figures; a suppressed group shows none (too few requests to show without exposing them). */
    public record Group(String key, Long requests, boolean suppressed, TargetFigures firstResponse,
            TargetFigures resolution) {
    }

    public record Report(OffsetDateTime from, OffsetDateTime to, String groupBy, double goal, int minGroupSize,
            List<Group> groups) {
    }

    public static final List<String> GROUPINGS = List.of("type", "team", "week", "month");

    /**
     * Attainment per group over the requests created in [from, to) that the caller may see as HR (so
     * confidential cases count only for er-specialists). A running target past due counts as breached.
     *
     * <p>Small numbers are protected (see {@link SmallGroups}): the period is whole ISO weeks in UTC, a cell
     * (request type × team × week) with fewer than the minimum of requests is left out of every figure and
     * count, and a group with no cell left is shown as suppressed.
     */
    @SuppressWarnings("unchecked")
    public Report report(OffsetDateTime from, OffsetDateTime to, String groupBy, String type, String team) {
        String grouping = groupBy == null ? "type" : groupBy;
        String key = switch (grouping) {
            case "type" -> "r.type_key";
            case "team" -> "r.team";
            case "week" -> "to_char(r.created_at at time zone 'UTC', 'IYYY-\"W\"IW')";
            // A month is the ISO weeks whose Thursday falls in it, so that months are whole weeks.
            case "month" -> "to_char(date_trunc('week', r.created_at at time zone 'UTC') + interval '3 days', 'YYYY-MM')";
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
        String where = access.hrClause(params) + " and r.created_at >= :from and r.created_at < :to";
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
        String sql = "with visible as (select " + key + " as k, r.*, date_trunc('week', r.created_at at time zone 'UTC')"
                + " as wk, " + state("fr") + " as fr_state, " + state("res") + " as res_state from hr_request r where "
                + where + "), cells as (select type_key, team, wk, count(*) >= :min as kept from visible"
                + " group by type_key, team, wk) select v.k, count(*) filter (where c.kept), " + figures("fr") + ", "
                + figures("res") + " from visible v join cells c on c.type_key = v.type_key and c.team = v.team"
                + " and c.wk = v.wk group by v.k order by v.k";
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

    private static String state(String p) {
        return "case when r." + p + "_outcome is not null then r." + p + "_outcome when r." + p
                + "_running_since is not null and r." + p + "_due_at < :now then 'BREACHED' end";
    }

    /** The figures of one target over the kept cells only. */
    private static String figures(String p) {
        String done = "c.kept and " + p + "_completed_at is not null";
        return "count(*) filter (where c.kept and " + p + "_state = 'ATTAINED'), count(*) filter (where c.kept and "
                + p + "_state = 'BREACHED'), count(*) filter (where c.kept and " + p + "_state is null), avg(" + p
                + "_target_minutes) filter (where c.kept), avg(" + p + "_elapsed_seconds / 60.0) filter (where " + done
                + "), avg(" + p + "_elapsed_seconds / 60.0 - " + p + "_target_minutes) filter (where " + done + ")";
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
