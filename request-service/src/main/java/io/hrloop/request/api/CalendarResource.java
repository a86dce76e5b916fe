package io.hrloop.request.api;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.BusinessHours;
import io.hrloop.request.domain.CalendarRevision;
import io.hrloop.request.domain.WorkCalendar;
import io.hrloop.request.service.CalendarRevisions;
import io.hrloop.request.service.CatalogService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/calendars")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendars", description = "Business calendars: time zone, working hours per weekday, holidays")
public class CalendarResource {

    static final String KEY = "^[a-z0-9][a-z0-9-]{0,99}$";

    private final CatalogService catalog;
    private final CalendarRevisions revisions;
    private final Idempotency idempotency;
    private final Caller caller;

    public CalendarResource(CatalogService catalog, CalendarRevisions revisions, Idempotency idempotency,
            Caller caller) {
        this.catalog = catalog;
        this.revisions = revisions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Schema(name = "WorkingPeriod", description = "A working period in the calendar's local time; end may be 24:00")
    public record PeriodBody(@NotBlank @Schema(examples = "09:00") String start,
            @NotBlank @Schema(examples = "17:00") String end) {
    }

    @Schema(name = "CalendarBody")
    public record CalendarBody(
            @NotBlank @Pattern(regexp = KEY, message = "must be lower-case letters, digits and dashes") String key,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Schema(examples = "Europe/Berlin", description = "IANA time zone") String zone,
            @NotNull @Schema(description = "Working periods per weekday (MONDAY..SUNDAY); a weekday left out has none")
            Map<DayOfWeek, @NotNull List<@NotNull @Valid PeriodBody>> workingHours,
            @Size(max = 5000) @Schema(description = "Dates without working hours") List<@NotNull LocalDate> holidays) {

        CatalogService.CalendarSpec spec() {
            Map<DayOfWeek, List<BusinessHours.Period>> week = new EnumMap<>(DayOfWeek.class);
            workingHours.forEach((day, periods) -> {
                List<BusinessHours.Period> parsed = new ArrayList<>();
                for (int i = 0; i < periods.size(); i++) {
                    try {
                        parsed.add(BusinessHours.Period.parse(periods.get(i).start(), periods.get(i).end()));
                    } catch (IllegalArgumentException e) {
                        String field = "workingHours." + day + "[" + i + "]";
                        throw DomainException.invalid("validation", field + ": " + e.getMessage())
                                .with("errors", List.of(Map.of("field", field, "message", e.getMessage())));
                    }
                }
                week.put(day, parsed);
            });
            return new CatalogService.CalendarSpec(name, zone, week,
                    new HashSet<>(holidays == null ? List.of() : holidays));
        }
    }

    @Schema(name = "Calendar")
    public record CalendarView(String key, String name, String zone, Map<DayOfWeek, List<PeriodBody>> workingHours,
            List<LocalDate> holidays, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version,
            @Schema(description = "Revision of the working time (zone, hours, holidays); see .../revisions") int revision) {

        static CalendarView from(WorkCalendar c, CatalogService catalog) {
            Map<DayOfWeek, List<PeriodBody>> week = new EnumMap<>(DayOfWeek.class);
            catalog.workingHours(c).forEach((day, periods) -> week.put(day,
                    periods.stream().map(p -> new PeriodBody(p.start(), p.end())).toList()));
            return new CalendarView(c.key, c.name, c.zone, week, List.copyOf(catalog.holidays(c)), c.createdAt,
                    c.updatedAt, c.version, c.revision);
        }
    }

    @Schema(name = "CalendarRevision", description = "The working time of a calendar from validFrom until the next revision")
    public record RevisionView(String key, int revision, OffsetDateTime validFrom, String zone,
            Map<DayOfWeek, List<PeriodBody>> workingHours, List<LocalDate> holidays) {

        static RevisionView from(CalendarRevision r, CatalogService catalog) {
            Map<DayOfWeek, List<PeriodBody>> week = new EnumMap<>(DayOfWeek.class);
            catalog.workingHours(r.workingHours).forEach((day, periods) -> week.put(day,
                    periods.stream().map(p -> new PeriodBody(p.start(), p.end())).toList()));
            return new RevisionView(r.calendarKey, r.revision, r.validFrom, r.zone, week,
                    List.copyOf(catalog.holidays(r.holidays)));
        }
    }

    @POST
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "createCalendar", summary = "Create a business calendar", description = "Working periods are in the calendar's local time; "
            + "daylight-saving changes are handled by the zone. Idempotency-Key makes a retry return the first result.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarBody.class),
            examples = @ExampleObject(name = "office", value = Examples.CALENDAR)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "400", description = "Invalid calendar (zone, times, overlapping periods, no working time)",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.VALIDATION)))
    @APIResponse(responseCode = "409", description = "A calendar with this key exists",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only hr-admin manages calendars",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CalendarBody body, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/calendars", body, () -> {
            WorkCalendar created = catalog.createCalendar(body.key(), body.spec());
            return Response.created(URI.create("/api/v1/calendars/" + created.key)).tag(String.valueOf(created.version))
                    .entity(CalendarView.from(created, catalog)).build();
        });
    }

    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "replaceCalendar", summary = "Replace a business calendar", description = "Send If-Match with the ETag read; a stale one is 412. "
            + "A change of the working time (zone, hours, holidays) is a new revision in force from now; earlier "
            + "revisions are kept (GET .../revisions). Open requests on the calendar are re-planned in the background, "
            + "in batches: business time used until now counts under the revision before, the rest under the new one, "
            + "and the history of each records the move and the due times it changed. A request not reached yet is "
            + "re-planned before anything else happens to it. A name change alone is no new revision.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarBody.class),
            examples = @ExampleObject(name = "office", value = Examples.CALENDAR)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "400", description = "Invalid calendar, or the body's key differs from the path",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such calendar",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    @APIResponse(responseCode = "403", description = "Only hr-admin manages calendars",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CalendarBody body) {
        if (!key.equals(body.key())) {
            throw DomainException.invalid("key-mismatch", "the body's key must be the key of the path");
        }
        WorkCalendar updated = catalog.updateCalendar(key, ifMatch, body.spec());
        return Response.ok(CalendarView.from(updated, catalog)).tag(String.valueOf(updated.version)).build();
    }

    @GET
    @Path("{key}")
    @Authenticated
    @Operation(operationId = "getCalendar", summary = "Read a business calendar")
    @APIResponse(responseCode = "200", description = "The calendar, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CalendarView.class)))
    @APIResponse(responseCode = "404", description = "No such calendar",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("key") String key) {
        WorkCalendar calendar = catalog.calendar(key);
        return Response.ok(CalendarView.from(calendar, catalog)).tag(String.valueOf(calendar.version)).build();
    }

    @GET
    @Path("{key}/revisions")
    @Authenticated
    @Operation(operationId = "listCalendarRevisions", summary = "List a calendar's revisions", description = "Newest first; each is the working time in force "
            + "from validFrom until the next one (revision 1 also before its validFrom). Service levels are counted "
            + "with the revision in force for the request at each moment.")
    @APIResponse(responseCode = "200", description = "A page of revisions")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such calendar",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<RevisionView> revisions(@PathParam("key") String key, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return revisions.list(key, cursor, Cursor.limit(limit, 20, 100)).map(r -> RevisionView.from(r, catalog));
    }

    @GET
    @Authenticated
    @Operation(operationId = "listCalendars", summary = "List business calendars", description = "Ordered by key; pass the returned next cursor for more.")
    @APIResponse(responseCode = "200", description = "A page of calendars")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<CalendarView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 50, 200);
        Cursor after = Cursor.read(cursor, 1);
        List<WorkCalendar> found = catalog.calendars(after == null ? null : after.text(0), size + 1);
        return Page.of(found, size, c -> Cursor.of(c.key)).map(c -> CalendarView.from(c, catalog));
    }
}
