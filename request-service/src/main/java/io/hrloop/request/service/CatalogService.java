package io.hrloop.request.service;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.hrloop.common.api.ETags;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.request.config.RequestConfig;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.Category;
import io.hrloop.request.domain.Priority;
import io.hrloop.request.domain.RequestType;
import io.hrloop.request.domain.TargetMinutes;
import io.hrloop.request.domain.WorkCalendar;

/**
 * The request-type catalogue and the business calendars, managed by hr-admin. What submissions and views read on
 * every call (a type's rules, a calendar's clock) is kept for {@code hrloop.request.catalogue-cache-ttl}; a
 * transaction that changes the catalogue empties that cache when it ends, so this replica sees its own changes at
 * once.
 */
@ApplicationScoped
public class CatalogService {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;
    private final Times times;
    private final TransactionSynchronizationRegistry transactions;
    private final Cache<String, BusinessHours> clocks;
    private final Cache<String, TypeRules> rules;

    public CatalogService(EntityManager entityManager, ObjectMapper mapper, Times times,
            TransactionSynchronizationRegistry transactions, RequestConfig config) {
        this.entityManager = entityManager;
        this.mapper = mapper;
        this.times = times;
        this.transactions = transactions;
        this.clocks = Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(config.catalogueCacheTtl()).build();
        this.rules = Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(config.catalogueCacheTtl()).build();
    }

    /** What a submission and every event need of a request type. */
    public record TypeRules(String key, String category, Priority defaultPriority, String team, boolean confidential,
            String calendarKey, Map<Priority, TargetMinutes> targets, double surveySamplingRate, boolean active) {
    }

    /** The rules of a request type, or empty if there is no such type. */
    public Optional<TypeRules> rules(String key) {
        TypeRules found = rules.getIfPresent(key);
        if (found != null) {
            return Optional.of(found);
        }
        RequestType type = RequestType.findById(key);
        if (type == null) {
            return Optional.empty();
        }
        TypeRules read = new TypeRules(type.key, type.category, type.defaultPriority, type.team, type.confidential,
                type.calendarKey, Map.copyOf(targets(type)), type.surveySamplingRate.doubleValue(), type.active);
        if (!changing()) {
            rules.put(key, read);
        }
        return Optional.of(read);
    }

    /** Empties the cache when the calling transaction ends (and now), whether it commits or not. */
    private void forgetWhenDone() {
        clocks.invalidateAll();
        rules.invalidateAll();
        if (transactions.getResource(CatalogService.class) == null) {
            transactions.putResource(CatalogService.class, Boolean.TRUE);
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    clocks.invalidateAll();
                    rules.invalidateAll();
                }
            });
        }
    }

    /** Whether the current transaction changes the catalogue: what it reads is not yet everyone's. */
    private boolean changing() {
        return transactions.getTransactionKey() != null && transactions.getResource(CatalogService.class) != null;
    }

    /** A calendar as the client describes it; validated into {@link BusinessHours} before it is stored. */
    public record CalendarSpec(String name, String zone, Map<DayOfWeek, List<BusinessHours.Period>> workingHours,
            Set<LocalDate> holidays) {
    }

    /** A request type as the client describes it. */
    public record TypeSpec(String name, String category, Priority defaultPriority, String team, boolean confidential,
            String calendar, Map<Priority, TargetMinutes> targets, BigDecimal surveySamplingRate, boolean active) {
    }

    @Transactional
    public WorkCalendar createCalendar(String key, CalendarSpec spec) {
        forgetWhenDone();
        validate(spec);
        WorkCalendar calendar = new WorkCalendar();
        calendar.key = key;
        calendar.createdAt = times.nowUtc();
        apply(calendar, spec);
        persistNew(calendar, "calendar", key);
        return calendar;
    }

    @Transactional
    public WorkCalendar updateCalendar(String key, String ifMatch, CalendarSpec spec) {
        forgetWhenDone();
        WorkCalendar calendar = calendar(key);
        ETags.check(ifMatch, calendar.version);
        validate(spec);
        BusinessHours hours = BusinessHours.of(ZoneId.of(spec.zone()), spec.workingHours(), spec.holidays());
        for (RequestType type : RequestType.<RequestType>list("calendarKey", key)) {
            requireReachable(hours, type.key, targets(type));
        }
        apply(calendar, spec);
        entityManager.flush();
        return calendar;
    }

    public WorkCalendar calendar(String key) {
        WorkCalendar calendar = WorkCalendar.findById(key);
        if (calendar == null) {
            throw DomainException.notFound("calendar " + key);
        }
        return calendar;
    }

    public List<WorkCalendar> calendars(String afterKey, int limit) {
        return WorkCalendar.find("key > ?1 order by key", afterKey == null ? "" : afterKey).page(0, limit).list();
    }

    public BusinessHours businessHours(String calendarKey) {
        BusinessHours cached = clocks.getIfPresent(calendarKey);
        if (cached != null) {
            return cached;
        }
        WorkCalendar calendar = calendar(calendarKey);
        BusinessHours read = BusinessHours.of(ZoneId.of(calendar.zone), workingHours(calendar), holidays(calendar));
        if (!changing()) {
            clocks.put(calendarKey, read);
        }
        return read;
    }

    public Map<DayOfWeek, List<BusinessHours.Period>> workingHours(WorkCalendar calendar) {
        Map<DayOfWeek, List<Map<String, String>>> stored = read(calendar.workingHours, new TypeReference<>() {
        });
        Map<DayOfWeek, List<BusinessHours.Period>> week = new EnumMap<>(DayOfWeek.class);
        stored.forEach((day, periods) -> week.put(day,
                periods.stream().map(p -> BusinessHours.Period.parse(p.get("start"), p.get("end"))).toList()));
        return week;
    }

    public Set<LocalDate> holidays(WorkCalendar calendar) {
        return new TreeSet<>(read(calendar.holidays, new TypeReference<List<LocalDate>>() {
        }));
    }

    @Transactional
    public RequestType createType(String key, TypeSpec spec) {
        forgetWhenDone();
        validate(spec);
        RequestType type = new RequestType();
        type.key = key;
        type.createdAt = times.nowUtc();
        apply(type, spec);
        persistNew(type, "request type", key);
        return type;
    }

    @Transactional
    public RequestType updateType(String key, String ifMatch, TypeSpec spec) {
        forgetWhenDone();
        RequestType type = type(key);
        ETags.check(ifMatch, type.version);
        validate(spec);
        apply(type, spec);
        entityManager.flush();
        return type;
    }

    public RequestType type(String key) {
        RequestType type = RequestType.findById(key);
        if (type == null) {
            throw DomainException.notFound("request type " + key);
        }
        return type;
    }

    public List<RequestType> types(String afterKey, int limit) {
        return RequestType.find("key > ?1 order by key", afterKey == null ? "" : afterKey).page(0, limit).list();
    }

    public Map<Priority, TargetMinutes> targets(RequestType type) {
        return read(type.targets, new TypeReference<EnumMap<Priority, TargetMinutes>>() {
        });
    }

    private void validate(CalendarSpec spec) {
        try {
            ZoneId.of(spec.zone());
        } catch (RuntimeException e) {
            throw invalid("zone", "'" + spec.zone() + "' is not a time zone such as Europe/Berlin");
        }
        try {
            BusinessHours.of(ZoneId.of(spec.zone()), spec.workingHours(), spec.holidays());
        } catch (IllegalArgumentException e) {
            throw invalid("workingHours", e.getMessage());
        }
    }

    private void validate(TypeSpec spec) {
        if (Category.fromWire(spec.category()).isEmpty()) {
            throw invalid("category", "must be one of " + Category.WIRE_VALUES);
        }
        if (WorkCalendar.findById(spec.calendar()) == null) {
            throw DomainException.unprocessable("unknown-calendar", "calendar " + spec.calendar()
                    + " does not exist; create it with POST /api/v1/calendars first");
        }
        for (Priority priority : Priority.values()) {
            TargetMinutes target = spec.targets().get(priority);
            if (target == null) {
                throw invalid("targets." + priority, "every priority (LOW, NORMAL, HIGH, URGENT) needs its targets");
            }
            if (target.resolutionMinutes() < target.firstResponseMinutes()) {
                throw invalid("targets." + priority + ".resolutionMinutes",
                        "the resolution target cannot be shorter than the first-response target");
            }
        }
        requireReachable(businessHours(spec.calendar()), null, spec.targets());
    }

    /**
     * Refuses (422 {@code target-unreachable}) a calendar and targets that could not be counted within the
     * clock's horizon from some day of the next {@link BusinessHours#MAX_DAYS} days: otherwise every
     * submission of the type would fail.
     */
    private void requireReachable(BusinessHours hours, String typeKey, Map<Priority, TargetMinutes> targets) {
        Priority longest = targets.entrySet().stream()
                .max(Comparator.comparingInt(e -> e.getValue().resolutionMinutes())).orElseThrow().getKey();
        int minutes = targets.get(longest).resolutionMinutes();
        if (!hours.reaches(times.today(), Duration.ofMinutes(minutes))) {
            String whose = typeKey == null ? "" : " of request type " + typeKey;
            throw DomainException.unprocessable("target-unreachable", "the " + longest + " resolution target" + whose
                    + " (" + minutes + " business minutes) cannot be reached within " + BusinessHours.MAX_DAYS
                    + " days of this calendar from some day of the next " + BusinessHours.MAX_DAYS
                    + " days: give the calendar more working hours or the type shorter targets")
                    .with("errors", List.of(Map.of("field", typeKey == null ? "targets." + longest + ".resolutionMinutes"
                            : "workingHours", "message", "not reachable within " + BusinessHours.MAX_DAYS + " days")));
        }
    }

    private static DomainException invalid(String field, String message) {
        return DomainException.invalid("validation", field + ": " + message)
                .with("errors", List.of(Map.of("field", field, "message", message)));
    }

    private void apply(WorkCalendar calendar, CalendarSpec spec) {
        calendar.name = spec.name();
        calendar.zone = ZoneId.of(spec.zone()).getId();
        Map<DayOfWeek, List<Map<String, String>>> stored = new EnumMap<>(DayOfWeek.class);
        spec.workingHours().forEach((day, periods) -> {
            List<Map<String, String>> list = new ArrayList<>();
            periods.stream().sorted(Comparator.comparingInt(BusinessHours.Period::startMinute))
                    .forEach(p -> {
                        Map<String, String> entry = new LinkedHashMap<>();
                        entry.put("start", p.start());
                        entry.put("end", p.end());
                        list.add(entry);
                    });
            stored.put(day, list);
        });
        calendar.workingHours = write(stored);
        calendar.holidays = write(new TreeSet<>(spec.holidays()).stream().map(LocalDate::toString).toList());
        calendar.updatedAt = times.nowUtc();
    }

    private void apply(RequestType type, TypeSpec spec) {
        type.name = spec.name();
        type.category = spec.category();
        type.defaultPriority = spec.defaultPriority();
        type.team = spec.team();
        type.confidential = spec.confidential();
        type.calendarKey = spec.calendar();
        type.targets = write(new EnumMap<>(spec.targets()));
        type.surveySamplingRate = spec.surveySamplingRate();
        type.active = spec.active();
        type.updatedAt = times.nowUtc();
    }

    private void persistNew(Object entity, String what, String key) {
        if (entityManager.find(entity.getClass(), key) != null) {
            throw DomainException.conflict("already-exists", what + " " + key + " already exists");
        }
        try {
            entityManager.persist(entity);
            entityManager.flush();
        } catch (PersistenceException e) {
            throw DomainException.conflict("already-exists", what + " " + key + " already exists");
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored catalogue data is unreadable", e);
        }
    }
}
