package io.hrloop.request.service;

import java.time.Duration;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.domain.DomainException;
import io.hrloop.common.security.Roles;
import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.SmallGroups;
import io.hrloop.request.domain.SuggestionView;

/**
 * Self-service deflection: a person saw suggestions (lessons, best practices from improvement-service) before
 * submitting a request; the submission may name that view. The report gives, per request type, how many views
 * no submission followed within the follow window, under the small-number rule of the service-level report.
 */
@ApplicationScoped
public class SelfService {

    private final EntityManager entityManager;
    private final Access access;
    private final CatalogService catalog;
    private final ObjectMapper mapper;
    private final RequestConfig config;
    private final Times times;

    public SelfService(EntityManager entityManager, Access access, CatalogService catalog, ObjectMapper mapper,
            RequestConfig config, Times times) {
        this.entityManager = entityManager;
        this.access = access;
        this.catalog = catalog;
        this.mapper = mapper;
        this.config = config;
        this.times = times;
    }

    /** The caller saw these suggestions before submitting a request of {@code typeKey}. */
    @Transactional
    public SuggestionView record(String typeKey, List<String> suggestionIds) {
        CatalogService.TypeRules type = catalog.rules(typeKey).filter(CatalogService.TypeRules::active)
                .orElseThrow(() -> DomainException.unprocessable("unknown-request-type", "request type '" + typeKey
                        + "' does not exist or takes no new requests; see GET /api/v1/request-types"));
        SuggestionView view = new SuggestionView();
        view.id = UUID.randomUUID();
        view.viewer = access.me();
        view.typeKey = type.key();
        try {
            view.suggestionIds = mapper.writeValueAsString(suggestionIds);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        view.viewedAt = times.nowUtc();
        view.persist();
        return view;
    }

    /** The caller's own view, else 404: nobody else learns that it exists. */
    public SuggestionView get(UUID id) {
        SuggestionView view = SuggestionView.findById(id);
        if (view == null || !access.me().equals(view.viewer)) {
            throw DomainException.notFound("suggestion view " + id);
        }
        return view;
    }

    /** The view a submission names: only the caller's own (422 otherwise, the submission is refused whole). */
    public SuggestionView own(UUID id) {
        SuggestionView view = SuggestionView.findById(id);
        if (view == null || !access.me().equals(view.viewer)) {
            throw DomainException.unprocessable("unknown-suggestion-view", "suggestion view " + id
                    + " does not exist or is not yours; record one with POST /api/v1/self-service/views")
                    .with("errors", List.of(Map.of("field", "suggestionViewId", "message", "unknown")));
        }
        return view;
    }

    /** A submission followed the view; the first one is kept. */
    public void followed(SuggestionView view, HrRequest request) {
        if (view.requestId == null) {
            view.requestId = request.id;
            view.submittedAt = request.createdAt;
        }
    }

    public List<String> suggestionIds(SuggestionView view) {
        try {
            return mapper.readValue(view.suggestionIds, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored suggestion ids are unreadable", e);
        }
    }

    /**
     * One request type's figures; a suppressed group shows none. The view counts are views; {@code people} counts
     * the people behind them (an erased person's views count one each), and {@code deflectionShare} is a share of
     * people: of those decided (who submitted within the window after a view, or whose every view's window has
     * passed), the ones who did not submit. A person who saw suggestions twice and submitted after either counts as
     * followed, once.
     */
    public record Group(String type, boolean suppressed,
            @Schema(nullable = true, description = "Views; none when the group is suppressed") Long views,
            @Schema(nullable = true, description = "Views a submission followed within the window; none when suppressed") Long followedBySubmission,
            @Schema(nullable = true, description = "Views whose window passed without a submission; none when suppressed") Long deflected,
            @Schema(nullable = true, description = "Views whose window is still open; none when suppressed") Long pending,
            @Schema(nullable = true, description = "People who saw suggestions; none when suppressed") Long people,
            @Schema(nullable = true, description = "People who submitted within the window after one of their views; none when suppressed") Long peopleFollowed,
            @Schema(nullable = true, description = "People who did not submit within the window after any of their views; none when suppressed") Long peopleDeflected,
            @Schema(nullable = true, description = "peopleDeflected ÷ (peopleFollowed + peopleDeflected); none when suppressed or nobody is decided yet")
            Double deflectionShare) {
    }

    /** {@code followWindow} as an ISO-8601 duration. */
    public record Report(OffsetDateTime from, OffsetDateTime to, String followWindow, int minGroupSize,
            List<Group> groups) {
    }

    /**
     * Deflection per request type over the views of [from, to), for the types the caller may see: hr-admin every
     * ordinary type, an hr-lead their team's, er-specialists the confidential ones. Small numbers are protected as
     * in the service-level report: whole ISO weeks, and a cell (type × week) with fewer than the minimum of views
     * is left out of every figure; a type with no cell left is suppressed.
     */
    @SuppressWarnings("unchecked")
    public Report deflection(OffsetDateTime from, OffsetDateTime to, String type) {
        Instant now = times.now();
        OffsetDateTime end = SmallGroups.weekCeiling(to == null ? now.atOffset(ZoneOffset.UTC) : to);
        OffsetDateTime start = SmallGroups.weekFloor(from == null ? end.minusDays(30) : from);
        if (!start.isBefore(end)) {
            throw DomainException.invalid("invalid-period", "from must be before to (both are moved to whole ISO weeks)");
        }
        Duration window = config.selfService().followWindow();
        int min = config.reports().minGroupSize();
        Map<String, Object> params = new HashMap<>();
        String where = "s.viewed_at >= :from and s.viewed_at < :to and " + visibleTypes(params);
        params.put("from", start);
        params.put("to", end);
        params.put("now", now.atOffset(ZoneOffset.UTC));
        params.put("window", (double) window.toSeconds());
        params.put("min", min);
        if (type != null) {
            where += " and s.type_key = :type";
            params.put("type", type);
        }
        String followed = "(s.request_id is not null and s.submitted_at <= s.viewed_at + interval '1 second' * :window)";
        String passed = "s.viewed_at + interval '1 second' * :window <= :now";
        String sql = "with v as (select s.type_key, coalesce(s.viewer, s.id::text) as who,"
                + " date_trunc('week', s.viewed_at at time zone 'UTC') as wk, " + followed + " as followed, not "
                + followed + " and " + passed + " as deflected, " + passed + " as passed"
                + " from suggestion_view s join request_type t on t.key = s.type_key where " + where
                + "), cells as (select type_key, wk, count(*) >= :min as kept from v group by type_key, wk)"
                + ", k as (select v.* from v join cells c on c.type_key = v.type_key and c.wk = v.wk where c.kept)"
                + ", byView as (select type_key, count(*) as views, count(*) filter (where followed) as followed,"
                + " count(*) filter (where deflected) as deflected from k group by type_key)"
                + ", person as (select type_key, who, bool_or(followed) as followed, bool_and(passed) as passed"
                + " from k group by type_key, who)"
                + ", byPerson as (select type_key, count(*) as people, count(*) filter (where followed) as followed,"
                + " count(*) filter (where not followed and passed) as deflected from person group by type_key)"
                + " select x.type_key, coalesce(a.views, 0), coalesce(a.followed, 0), coalesce(a.deflected, 0),"
                + " coalesce(b.people, 0), coalesce(b.followed, 0), coalesce(b.deflected, 0)"
                + " from (select distinct type_key from v) x left join byView a on a.type_key = x.type_key"
                + " left join byPerson b on b.type_key = x.type_key order by x.type_key";
        var query = entityManager.createNativeQuery(sql);
        params.forEach(query::setParameter);
        List<Group> groups = new ArrayList<>();
        for (Object[] row : (List<Object[]>) query.getResultList()) {
            long views = ((Number) row[1]).longValue();
            long follow = ((Number) row[2]).longValue();
            long deflected = ((Number) row[3]).longValue();
            long people = ((Number) row[4]).longValue();
            long peopleFollowed = ((Number) row[5]).longValue();
            long peopleDeflected = ((Number) row[6]).longValue();
            groups.add(views == 0 ? new Group((String) row[0], true, null, null, null, null, null, null, null, null)
                    : new Group((String) row[0], false, views, follow, deflected, views - follow - deflected, people,
                            peopleFollowed, peopleDeflected, peopleFollowed + peopleDeflected == 0 ? null
                                    : Math.round(10000.0 * peopleDeflected / (peopleFollowed + peopleDeflected))
                                            / 10000.0));
        }
        return new Report(start, end, window.toString(), min, groups);
    }

    /** The request types (alias {@code t}) whose figures the caller may see. */
    private String visibleTypes(Map<String, Object> params) {
        List<String> visible = new ArrayList<>();
        if (access.has(Roles.HR_ADMIN)) {
            visible.add("not t.confidential");
        } else if (access.has(Roles.HR_LEAD) && access.team() != null) {
            params.put("myTeam", access.team());
            visible.add("(not t.confidential and t.team = :myTeam)");
        }
        if (access.has(Roles.ER_SPECIALIST)) {
            visible.add("t.confidential");
        }
        return visible.isEmpty() ? "false" : "(" + String.join(" or ", visible) + ")";
    }
}
