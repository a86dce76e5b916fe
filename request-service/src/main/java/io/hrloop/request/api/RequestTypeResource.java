package io.hrloop.request.api;

import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import io.hrloop.request.domain.Priority;
import io.hrloop.request.domain.RequestType;
import io.hrloop.request.domain.TargetMinutes;
import io.hrloop.request.service.CatalogService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/request-types")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Request types", description = "The catalogue: category, owning team, confidentiality, service-level targets")
public class RequestTypeResource {

    private final CatalogService catalog;
    private final Idempotency idempotency;
    private final Caller caller;

    public RequestTypeResource(CatalogService catalog, Idempotency idempotency, Caller caller) {
        this.catalog = catalog;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Schema(name = "Targets", description = "Service-level targets of one priority, in business minutes of the calendar")
    public record TargetBody(@NotNull @Min(1) @Max(525600) Integer firstResponseMinutes,
            @NotNull @Min(1) @Max(525600) Integer resolutionMinutes) {
    }

    @Schema(name = "RequestTypeBody")
    public record RequestTypeBody(
            @NotBlank @Pattern(regexp = CalendarResource.KEY, message = "must be lower-case letters, digits and dashes") String key,
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Schema(enumeration = { "payroll", "leave", "benefits", "policy", "recruitment", "onboarding",
                    "employee-relations", "learning", "other" }) String category,
            @Schema(description = "Default NORMAL") Priority defaultPriority,
            @NotBlank @Size(max = 100) String team,
            @Schema(description = "Employee-relations cases: visible only to er-specialists and the requester; default false")
            Boolean confidential,
            @NotBlank @Schema(description = "Key of the business calendar the targets count in") String calendar,
            @NotNull @Schema(description = "Targets for every priority: LOW, NORMAL, HIGH, URGENT")
            Map<Priority, @NotNull @Valid TargetBody> targets,
            @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) @Schema(description = "Share of resolved requests whose requester is "
                    + "invited to a survey; default 1") BigDecimal surveySamplingRate,
            @Schema(description = "Inactive types take no new requests; default true") Boolean active) {

        CatalogService.TypeSpec spec() {
            Map<Priority, TargetMinutes> minutes = new EnumMap<>(Priority.class);
            targets.forEach((p, t) -> minutes.put(p, new TargetMinutes(t.firstResponseMinutes(), t.resolutionMinutes())));
            return new CatalogService.TypeSpec(name, category, defaultPriority == null ? Priority.NORMAL : defaultPriority,
                    team, Boolean.TRUE.equals(confidential), calendar, minutes,
                    surveySamplingRate == null ? BigDecimal.ONE : surveySamplingRate, !Boolean.FALSE.equals(active));
        }
    }

    @Schema(name = "RequestType")
    public record RequestTypeView(String key, String name, String category, Priority defaultPriority, String team,
            boolean confidential, String calendar, Map<Priority, TargetBody> targets, BigDecimal surveySamplingRate,
            boolean active, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

        static RequestTypeView from(RequestType t, CatalogService catalog) {
            Map<Priority, TargetBody> targets = new EnumMap<>(Priority.class);
            catalog.targets(t).forEach((p, m) -> targets.put(p, new TargetBody(m.firstResponseMinutes(),
                    m.resolutionMinutes())));
            return new RequestTypeView(t.key, t.name, t.category, t.defaultPriority, t.team, t.confidential,
                    t.calendarKey, targets, t.surveySamplingRate.stripTrailingZeros(), t.active, t.createdAt,
                    t.updatedAt, t.version);
        }
    }

    @POST
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "createRequestType", summary = "Create a request type", description = "Idempotency-Key makes a retry return the first result.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestTypeBody.class),
            examples = @ExampleObject(name = "payroll", value = Examples.REQUEST_TYPE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestTypeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (category, missing priority targets, rates)",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.VALIDATION)))
    @APIResponse(responseCode = "409", description = "A request type with this key exists",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown calendar, or Idempotency-Key reused with another body",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only hr-admin manages the catalogue",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull RequestTypeBody body, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/request-types", body, () -> {
            RequestType created = catalog.createType(body.key(), body.spec());
            return Response.created(URI.create("/api/v1/request-types/" + created.key))
                    .tag(String.valueOf(created.version)).entity(RequestTypeView.from(created, catalog)).build();
        });
    }

    @PUT
    @Path("{key}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "replaceRequestType", summary = "Replace a request type", description = "Send If-Match with the ETag read; a stale one is 412. "
            + "Requests already submitted keep the targets they were given.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestTypeBody.class),
            examples = @ExampleObject(name = "payroll", value = Examples.REQUEST_TYPE)))
    @APIResponse(responseCode = "200", description = "Replaced", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RequestTypeView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or the body's key differs from the path",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request type",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    @APIResponse(responseCode = "422", description = "Unknown calendar",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Only hr-admin manages the catalogue",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("key") String key, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RequestTypeBody body) {
        if (!key.equals(body.key())) {
            throw DomainException.invalid("key-mismatch", "the body's key must be the key of the path");
        }
        RequestType updated = catalog.updateType(key, ifMatch, body.spec());
        return Response.ok(RequestTypeView.from(updated, catalog)).tag(String.valueOf(updated.version)).build();
    }

    @GET
    @Path("{key}")
    @Authenticated
    @Operation(operationId = "getRequestType", summary = "Read a request type")
    @APIResponse(responseCode = "200", description = "The request type, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestTypeView.class)))
    @APIResponse(responseCode = "404", description = "No such request type",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("key") String key) {
        RequestType type = catalog.type(key);
        return Response.ok(RequestTypeView.from(type, catalog)).tag(String.valueOf(type.version)).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listRequestTypes", summary = "List request types", description = "Ordered by key; every signed-in person may read the "
            + "catalogue to choose a type. Pass the returned next cursor for more.")
    @APIResponse(responseCode = "200", description = "A page of request types")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<RequestTypeView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 50, 200);
        Cursor after = Cursor.read(cursor, 1);
        List<RequestType> found = catalog.types(after == null ? null : after.text(0), size + 1);
        return Page.of(found, size, t -> Cursor.of(t.key)).map(t -> RequestTypeView.from(t, catalog));
    }
}
