package io.hrloop.improvement.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.api.QueryParams;
import io.hrloop.common.api.ThemeKey;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.improvement.api.Views.ItemView;
import io.hrloop.improvement.domain.ImprovementItem;
import io.hrloop.improvement.domain.ItemStatus;
import io.hrloop.improvement.service.Access;
import io.hrloop.improvement.service.ItemCommands;
import io.hrloop.improvement.service.ItemQueries;
import io.hrloop.improvement.service.ItemQuery;
import io.hrloop.improvement.service.ItemTransitions;

@Path("/api/v1/improvements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Improvements", description = "The continuous-improvement backlog")
public class ImprovementResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String AREA_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,99}";

    private final ItemQueries items;
    private final ItemCommands commands;
    private final ItemTransitions transitions;
    private final Idempotency idempotency;
    private final Caller caller;

    public ImprovementResource(ItemQueries items, ItemCommands commands, ItemTransitions transitions,
            Idempotency idempotency, Caller caller) {
        this.items = items;
        this.commands = commands;
        this.transitions = transitions;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    public record CreateItem(@NotBlank @Size(max = 200) @PlainText String title,
            @NotBlank @Size(max = 10000) @PlainText String problem,
            @Schema(description = "What HR tells everyone about the item") @Size(max = 2000) @PlainText String publicSummary,
            @Schema(description = "A request type or process key; or give process instead")
            @Pattern(regexp = AREA_PATTERN, message = "must be a request type or process key") String area,
            @Schema(description = "A process by its name or an alias (the managed list, /api/v1/processes): the area "
                    + "becomes its key; a name nobody listed is recorded for review") @Size(max = 200) @PlainText
            String process,
            @Schema(type = SchemaType.ARRAY, implementation = Theme.class) @NotEmpty @Size(max = 8)
            List<@NotNull @ThemeKey String> themes,
            @Positive @DecimalMax("999999.99") @Digits(integer = 6, fraction = 2) BigDecimal effort,
            LocalDate targetDate, @Size(max = 200) @PlainText String owner,
            @Schema(description = "An employee-relations item: er-specialists only (only they may set it)")
            Boolean confidential) {
    }

    public record StatusBody(@NotNull ItemStatus status, @Size(max = 2000) @PlainText String reason, UUID mergedInto,
            @Schema(description = "What was done, for IMPLEMENTED: told back to the people who raised it (and shown "
                    + "to everyone)") @Size(max = 2000) @PlainText String summary,
            @Schema(description = "VERIFIED against the verdict of verification: a lead only, with a reason (audited "
                    + "in the item's history)") Boolean override) {
    }

    public record AssignmentBody(@NotBlank @Size(max = 200) @PlainText String owner) {
    }

    @POST
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "createImprovement", summary = "Create an improvement item by hand", description = "Starts PROPOSED. Idempotency-Key makes a retry return the first result.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "item", value = """
            {"title":"Answer payroll queries faster","problem":"Payroll queries wait days for a first answer.",
             "area":"payroll-query","themes":["speed"],"effort":3}""")))
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid item", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an HR role, or confidential without being an er-specialist", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another request", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull CreateItem body, @HeaderParam(Idempotency.HEADER) String key) {
        if ((blankToNull(body.area()) == null) == (blankToNull(body.process()) == null)) {
            throw DomainException.invalid("area-or-process", "give either area or process");
        }
        if (body.targetDate() != null && !TargetDates.plausible(body.targetDate())) {
            throw DomainException.invalid("invalid-target-date", "targetDate must be between "
                    + TargetDates.EARLIEST + " and " + TargetDates.LATEST);
        }
        return idempotency.execute(key, caller.personId(), "POST /api/v1/improvements", body, () -> {
            ImprovementItem item = commands.create(caller.personId(), access(), new ItemCommands.NewItem(body.title(),
                    body.problem(), body.publicSummary(), blankToNull(body.area()), blankToNull(body.process()),
                    body.themes().stream().distinct().toList(), body.effort(), body.targetDate(),
                    body.owner(), Boolean.TRUE.equals(body.confidential())));
            return Response.created(URI.create("/api/v1/improvements/" + item.id)).tag(tag(item))
                    .entity(ItemView.from(item, access())).build();
        });
    }

    @GET
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "listImprovements", summary = "List improvement items", description = "HR roles and internal systems (service) see the whole backlog; employees and managers see implemented and verified items (the platform operator reads no HR content: 403). Confidential items are listed to er-specialists only. Sorted by priority (impact ÷ effort; unestimated items after estimated ones, by impact) unless sort says otherwise.")
    @APIResponse(responseCode = "200", description = "A page of items: {items, next}")
    @APIResponse(responseCode = "400", description = "Unknown status, theme, sort, bad area, confidential, limit or cursor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ItemView> list(
            @Parameter(description = "One or more statuses, comma-separated or repeated") @QueryParam("status") List<String> status,
            @QueryParam("area") String area,
            @Parameter(description = "A theme of the taxonomy") @QueryParam("theme") String theme,
            @Parameter(description = "true: only confidential items (er-specialists), false: none") @QueryParam("confidential") String confidential,
            @Parameter(description = "priority (default), impact or created") @QueryParam("sort") String sort,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        if (theme != null && Theme.fromKey(theme).isEmpty()) {
            throw DomainException.invalid("invalid-theme", "theme must be one of " + Theme.KEYS);
        }
        return items.list(new ItemQuery(QueryParams.enums(ItemStatus.class, "status", status), area(area),
                theme, bool("confidential", confidential), sort(sort), Cursor.limit(limit, 20, 100),
                blankToNull(cursor), access())).map(i -> ItemView.from(i, access()));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "getImprovement", summary = "Read an improvement item", description = "Callers outside HR and internal systems read implemented and verified items only (others are 404), and only the text written for everyone; confidential items are 404 except to er-specialists.")
    @APIResponse(responseCode = "200", description = "The item, with its ETag")
    @APIResponse(responseCode = "404", description = "No such item, or not visible to the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        ImprovementItem item = items.find(id, access());
        return Response.ok(ItemView.from(item, access())).tag(tag(item)).build();
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @Operation(operationId = "patchImprovement", summary = "Edit title, problem, public summary, themes, effort or target date", description = "JSON merge patch: absent fields stay, null clears effort, targetDate or publicSummary. Send If-Match with the ETag you read (without it: 428); a stale one is 412. The title and publicSummary are shown to everyone once the item is implemented.")
    @RequestBody(content = {
            @Content(mediaType = "application/merge-patch+json", schema = @Schema(implementation = ItemPatchBody.class),
                    examples = {
                            @ExampleObject(name = "estimate", value = "{\"effort\":2.5,\"targetDate\":\"2026-12-31\"}"),
                            @ExampleObject(name = "publicSummary", value = "{\"publicSummary\":\"We are shortening the time to a first answer on payroll queries.\"}") }),
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ItemPatchBody.class),
                    examples = {
                            @ExampleObject(name = "estimate", value = "{\"effort\":2.5,\"targetDate\":\"2026-12-31\"}"),
                            @ExampleObject(name = "publicSummary", value = "{\"publicSummary\":\"We are shortening the time to a first answer on payroll queries.\"}") }) })
    @APIResponse(responseCode = "200", description = "The changed item, with its new ETag")
    @APIResponse(responseCode = "400", description = "Invalid change", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch, JsonNode body) {
        ImprovementItem item = commands.update(id, access(), ifMatch, ItemPatchParser.parse(body));
        return Response.ok(ItemView.from(item, access())).tag(tag(item)).build();
    }

    @POST
    @Path("/{id}/status")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "changeImprovementStatus", summary = "Move an item through its lifecycle", description = "PROPOSED → ACCEPTED → IN_PROGRESS → IMPLEMENTED → VERIFIED, or REJECTED (reason required) or MERGED (mergedInto: an open item, which takes over the evidence). IMPLEMENTED tells the people who raised it (hr.improvement.implemented); IMPLEMENTED → IN_PROGRESS (reason required) when it did not work. VERIFIED needs the verdict BETTER (see /verification), else 422, unless a lead overrides (override: true, reason required); it attaches the before/after report. A lead reopens a REJECTED item (→ PROPOSED, reason required). Every move is kept in /history.")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "accept", value = "{\"status\":\"ACCEPTED\"}"),
            @ExampleObject(name = "implement", value = "{\"status\":\"IMPLEMENTED\",\"summary\":\"Payroll queries now get a first answer within one business day.\"}"),
            @ExampleObject(name = "reject", value = "{\"status\":\"REJECTED\",\"reason\":\"Duplicates the payroll portal project\"}"),
            @ExampleObject(name = "override", value = "{\"status\":\"VERIFIED\",\"override\":true,\"reason\":\"Seasonal dip; the fix is confirmed by the payroll audit\"}"),
            @ExampleObject(name = "reopen", value = "{\"status\":\"PROPOSED\",\"reason\":\"Raised again 12 times since the rejection\"}"),
            @ExampleObject(name = "merge", value = "{\"status\":\"MERGED\",\"mergedInto\":\"c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f\"}") }))
    @APIResponse(responseCode = "200", description = "The item in its new status")
    @APIResponse(responseCode = "400", description = "Missing reason or merge target", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Transition not allowed (the allowed ones are listed), merge target closed or of other confidentiality, or verification data missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Reopening or overriding without being a lead", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "mergedInto is not an item, or VERIFIED refused by the verdict (verdict and counts in the problem)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull StatusBody body) {
        ImprovementItem item = transitions.changeStatus(id, access(), ifMatch, new ItemTransitions.StatusChange(
                body.status(), body.reason(), body.mergedInto(), body.summary(), caller.personId(),
                caller.has(Roles.HR_LEAD), Boolean.TRUE.equals(body.override())));
        return Response.ok(ItemView.from(item, access())).tag(tag(item)).build();
    }

    @POST
    @Path("/{id}/assignment")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "assignImprovement", summary = "Give an item its owner")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "owner", value = "{\"owner\":\"lead-3001\"}")))
    @APIResponse(responseCode = "200", description = "The item with its owner")
    @APIResponse(responseCode = "400", description = "Invalid owner", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response assign(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull AssignmentBody body) {
        ImprovementItem item = commands.assign(id, access(), ifMatch, body.owner().strip());
        return Response.ok(ItemView.from(item, access())).tag(tag(item)).build();
    }

    /**
     * What the caller may see (README, improvement-service, "Access"): er-specialists everything, other HR roles
     * all but confidential items, internal systems (service) the whole backlog with only the text written for
     * everyone, employees and managers implemented and verified items with that text. The platform operator never
     * gets here (403 on every operation but the dead letters: PRODUCT.md, it sees no HR content).
     */
    static Access access(Caller caller) {
        if (caller.has(Roles.ER_SPECIALIST)) {
            return Access.ER;
        }
        if (caller.isHr()) {
            return Access.HR;
        }
        return caller.has(Roles.SERVICE) ? Access.SYSTEM : Access.PUBLIC;
    }

    private Access access() {
        return access(caller);
    }

    /** An area filter: at most 100 characters the database can store (else no item could match: 400). */
    static String area(String value) {
        String area = blankToNull(value);
        if (area != null && (area.length() > 100 || !PlainText.Validator.isPlain(area))) {
            throw DomainException.invalid("invalid-area", "area must be a request type or process key of at most 100 "
                    + "characters");
        }
        return area;
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw DomainException.invalid("invalid-filter", name + " must be true or false");
        };
    }

    static String tag(ImprovementItem item) {
        return ETags.of(item.version).replace("\"", "");
    }

    private static ItemQuery.Sort sort(String value) {
        if (value == null || value.isBlank()) {
            return ItemQuery.Sort.PRIORITY;
        }
        try {
            return ItemQuery.Sort.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-sort", "sort must be priority, impact or created");
        }
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
