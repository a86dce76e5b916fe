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

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.contract.RequestSubmitted;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.security.MailAddresses;
import io.hrloop.common.security.Roles;
import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.Channel;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Priority;
import io.hrloop.request.domain.RequestStatus;
import io.hrloop.request.domain.ServiceLevelReplay;
import io.hrloop.request.domain.ServiceLevels;
import io.hrloop.request.domain.SuggestionView;
import io.hrloop.request.domain.TargetMinutes;

/** Submitting, reading and listing requests. */
@ApplicationScoped
public class RequestService {

    private final EntityManager entityManager;
    private final CatalogService catalog;
    private final Access access;
    private final AuditLog audit;
    private final RequestEvents events;
    private final RequestConfig config;
    private final Times times;
    private final RequestMetrics metrics;
    private final SelfService selfService;

    public RequestService(EntityManager entityManager, CatalogService catalog, Access access, AuditLog audit,
            RequestEvents events, RequestConfig config, Times times, RequestMetrics metrics, SelfService selfService) {
        this.metrics = metrics;
        this.selfService = selfService;
        this.entityManager = entityManager;
        this.catalog = catalog;
        this.access = access;
        this.audit = audit;
        this.events = events;
        this.config = config;
        this.times = times;
    }

    /**
     * What a caller submits; {@code requester} and {@code requesterEmail} only for the service role;
     * {@code suggestionViewId} the caller's own record of the self-service suggestions they saw before.
     */
    public record Submission(String type, String subject, String description, Priority priority, String onBehalfOf,
            Channel channel, String requester, UUID suggestionViewId, String requesterEmail) {

        public Submission(String type, String subject, String description, Priority priority, String onBehalfOf,
                Channel channel, String requester, UUID suggestionViewId) {
            this(type, subject, description, priority, onBehalfOf, channel, requester, suggestionViewId, null);
        }
    }

    @Transactional
    public HrRequest submit(Submission s) {
        String me = access.me();
        boolean service = access.has(Roles.SERVICE);
        String requester = me;
        if (s.requester() != null && !s.requester().equals(me)) {
            if (!service) {
                throw DomainException.notPermitted("the requester is taken from your token; only integrations with the "
                        + "service role name another requester");
            }
            requester = s.requester();
        } else if (service && s.requester() == null) {
            throw DomainException.invalid("requester-required",
                    "an integration must name the requester (the person the request is for)");
        }
        if (s.requesterEmail() != null && !service) {
            throw DomainException.notPermitted("your address is taken from your token; only integrations with the "
                    + "service role name the requester's address");
        }
        String requesterEmail = null;
        if (s.requesterEmail() != null) {
            requesterEmail = MailAddresses.usable(s.requesterEmail());
            if (requesterEmail == null) {
                String message = "not a mail address";
                throw DomainException.invalid("validation", "requesterEmail: " + message)
                        .with("errors", List.of(Map.of("field", "requesterEmail", "message", message)));
            }
        }
        String onBehalfOf = s.onBehalfOf() == null || s.onBehalfOf().equals(requester) ? null : s.onBehalfOf();
        if (onBehalfOf != null && !access.hasAny(Roles.MANAGER, Roles.SERVICE)) {
            throw DomainException.notPermitted("only a manager (or an integration) may file a request on behalf of someone");
        }
        CatalogService.TypeRules type = catalog.rules(s.type()).filter(CatalogService.TypeRules::active)
                .orElseThrow(() -> DomainException.unprocessable("unknown-request-type", "request type '" + s.type()
                        + "' does not exist or takes no new requests; see GET /api/v1/request-types"));
        SuggestionView view = s.suggestionViewId() == null ? null : selfService.own(s.suggestionViewId());
        Instant now = times.now();
        Priority priority = s.priority() == null ? type.defaultPriority() : s.priority();
        TargetMinutes targets = type.targets().get(priority);
        CatalogService.Clock clock = catalog.clock(type.calendarKey());
        BusinessHours hours = clock.hours();

        HrRequest r = new HrRequest();
        r.id = UUID.randomUUID();
        r.typeKey = type.key();
        r.category = type.category();
        r.subject = s.subject();
        r.description = s.description();
        r.priority = priority;
        r.channel = s.channel() != null ? s.channel() : service ? Channel.API : Channel.PORTAL;
        r.status = RequestStatus.SUBMITTED;
        r.requester = requester;
        r.onBehalfOf = onBehalfOf;
        r.submittedBy = me;
        // Where decisions and the survey invitation reach the requester: their own token's address, or the one
        // the integration that files for them names.
        r.requesterEmail = service ? requesterEmail : access.email();
        r.requesterLocale = service ? null : access.locale();
        r.team = type.team();
        r.confidential = type.confidential();
        r.calendarKey = type.calendarKey();
        r.calendarRevision = clock.ref().revision();
        r.createdAt = now.atOffset(ZoneOffset.UTC);
        r.updatedAt = r.createdAt;
        r.serviceLevels(ServiceLevels.start(targets.firstResponseMinutes(), targets.resolutionMinutes(), now, hours,
                config.sla().atRiskShare()));
        r.persist();
        entityManager.flush(); // the insert returns the reference, which the history and the event carry
        audit.record(r, now, me, "request", null, r.reference);
        audit.record(r, now, me, ServiceLevelReplay.FIELD_TARGETS, null,
                ServiceLevelReplay.targets(targets.firstResponseMinutes(), targets.resolutionMinutes()),
                "priority " + priority + ", calendar " + type.calendarKey(), false);
        if (view != null) {
            selfService.followed(view, r);
        }
        events.publish(RequestSubmitted.of(events.facts(r, now)));
        metrics.submitted(r.typeKey);
        return r;
    }

    public HrRequest get(UUID id) {
        return access.visible(id);
    }

    /** List filters of GET /api/v1/requests; null means "any". */
    public record Filters(List<RequestStatus> statuses, String type, String owner, String team, String requester,
            Boolean breached, String q, OffsetDateTime createdFrom, OffsetDateTime createdTo, String sort) {
    }

    private enum SortKey {
        createdAt("created_at"), updatedAt("updated_at"), firstResponseDue("fr_due_at"), resolutionDue("res_due_at");

        final String column;

        SortKey(String column) {
            this.column = column;
        }
    }

    public static final List<String> SORTS = List.of("createdAt", "-createdAt", "updatedAt", "-updatedAt",
            "firstResponseDue", "-firstResponseDue", "resolutionDue", "-resolutionDue");

    /** Keyset pagination over the requests the caller may see, newest first unless sorted otherwise. */
    @SuppressWarnings("unchecked")
    public Page<HrRequest> list(Filters f, String cursor, int limit) {
        String sort = f.sort() == null ? "-createdAt" : f.sort();
        if (!SORTS.contains(sort)) {
            throw DomainException.invalid("invalid-sort", "sort must be one of " + SORTS);
        }
        boolean descending = sort.startsWith("-");
        SortKey key = SortKey.valueOf(descending ? sort.substring(1) : sort);
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        List<String> arms = access.personalArms(params);
        if (arms.isEmpty()) {
            where.add(access.visibleClause(params));
        }
        if (f.statuses() != null && !f.statuses().isEmpty()) {
            where.add("r.status in (:statuses)");
            params.put("statuses", f.statuses().stream().map(Enum::name).toList());
        }
        if (f.type() != null) {
            where.add("r.type_key = :type");
            params.put("type", f.type());
        }
        if ("none".equals(f.owner())) {
            where.add("r.owner is null");
        } else if (f.owner() != null) {
            where.add("r.owner = :owner");
            params.put("owner", "me".equals(f.owner()) ? access.me() : f.owner());
        }
        if (f.team() != null) {
            where.add("r.team = :team");
            params.put("team", f.team());
        }
        if (f.requester() != null) {
            where.add("(r.requester = :requester or r.on_behalf_of = :requester)");
            params.put("requester", "me".equals(f.requester()) ? access.me() : f.requester());
        }
        if (f.breached() != null) {
            params.put("now", times.nowUtc());
            String breached = "(coalesce(r.fr_outcome, '') = 'BREACHED' or coalesce(r.res_outcome, '') = 'BREACHED'"
                    + " or (r.fr_running_since is not null and r.fr_due_at < :now)"
                    + " or (r.res_running_since is not null and r.res_due_at < :now))";
            where.add(f.breached() ? breached : "not " + breached);
        }
        if (f.q() != null && !f.q().isBlank()) {
            where.add("(r.subject ilike :q escape '\\' or r.description ilike :q escape '\\' or r.reference ilike :q escape '\\')");
            params.put("q", "%" + f.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (f.createdFrom() != null) {
            where.add("r.created_at >= :createdFrom");
            params.put("createdFrom", f.createdFrom());
        }
        if (f.createdTo() != null) {
            where.add("r.created_at < :createdTo");
            params.put("createdTo", f.createdTo());
        }
        Cursor after = Cursor.read(cursor, 3);
        if (after != null) {
            after.expect(0, sort);
            params.put("afterValue", after.time(1));
            params.put("afterId", after.uuid(2));
            where.add("(r." + key.column + ", r.id) " + (descending ? "<" : ">") + " (:afterValue, :afterId)");
        }
        String direction = descending ? " desc" : " asc";
        String order = " order by r." + key.column + direction + ", r.id" + direction + " limit " + (limit + 1);
        String sql;
        if (arms.isEmpty()) {
            sql = "select r.* from hr_request r where " + String.join(" and ", where) + order;
        } else {
            // A person's own list: the first page of each side (requester, on behalf, submitted by, owner) from its
            // index, then the first page of their union. As one OR, PostgreSQL walked the whole created_at index for
            // a person with fewer requests than a page (1.9 s at a million requests).
            String rest = where.isEmpty() ? "" : " and " + String.join(" and ", where);
            sql = "select r.* from hr_request r where r.id in (" + String.join(" union all ",
                    arms.stream().map(arm -> "(select r.id from hr_request r where " + arm + rest + order + ")").toList())
                    + ")" + order;
        }
        var query = entityManager.createNativeQuery(sql, HrRequest.class);
        params.forEach(query::setParameter);
        List<HrRequest> found = query.getResultList();
        return Page.of(found, limit, last -> Cursor.of(sort, switch (key) {
            case createdAt -> last.createdAt;
            case updatedAt -> last.updatedAt;
            case firstResponseDue -> last.frDueAt;
            case resolutionDue -> last.resDueAt;
        }, last.id));
    }
}
