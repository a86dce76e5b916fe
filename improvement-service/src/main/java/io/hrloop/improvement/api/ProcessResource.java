package io.hrloop.improvement.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.api.QueryParams;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Roles;
import io.hrloop.improvement.domain.ProcessEntry;
import io.hrloop.improvement.service.ProcessCatalogue;

/** The managed list of processes that PROCESS feedback and items are about, with aliases and names to review. */
@Path("/api/v1/processes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Processes", description = "The managed list of HR processes (areas of PROCESS feedback and items)")
public class ProcessResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;
    static final String KEY_PATTERN = "[a-z0-9][a-z0-9._-]{0,99}";

    public record ProcessBody(@NotBlank @Pattern(regexp = KEY_PATTERN, message = "must be lower-case letters, digits, "
            + ". _ or -") String key, @NotBlank @Size(max = 200) @PlainText String name,
            @Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> aliases) {
    }

    public record ProcessChange(@NotBlank @Size(max = 200) @PlainText String name,
            @Size(max = 50) List<@NotBlank @Size(max = 200) @PlainText String> aliases) {
    }

    public record MappingBody(@NotBlank @Pattern(regexp = KEY_PATTERN) String into) {
    }

    @Schema(name = "Process", description = "status REVIEWED: on the managed list; UNREVIEWED: a name met in "
            + "feedback or an item that nobody listed yet (an admin maps it to a listed process)")
    public record ProcessView(String key, String name, ProcessEntry.Status status, List<String> aliases,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
        static ProcessView from(ProcessCatalogue.Listed l) {
            ProcessEntry p = l.process();
            return new ProcessView(p.key, p.name, p.status, l.aliases(), p.createdAt, p.updatedAt, p.version);
        }
    }

    private final ProcessCatalogue catalogue;

    public ProcessResource(ProcessCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GET
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST, Roles.SERVICE })
    @Operation(operationId = "listProcesses", summary = "List processes", description = "By key; status REVIEWED or UNREVIEWED filters (the names "
            + "waiting for review).")
    @APIResponse(responseCode = "200", description = "A page of processes: {items, next}")
    @APIResponse(responseCode = "400", description = "Unknown status, bad limit or cursor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<ProcessView> list(@QueryParam("status") List<String> status, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        List<ProcessEntry.Status> statuses = QueryParams.enums(ProcessEntry.Status.class, "status", status);
        return catalogue.list(statuses.size() == 1 ? statuses.getFirst() : null, Cursor.limit(limit, 50, 200),
                ImprovementResource.blankToNull(cursor)).map(ProcessView::from);
    }

    @GET
    @Path("/{key}")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST, Roles.SERVICE })
    @Operation(operationId = "getProcess", summary = "Read a process")
    @APIResponse(responseCode = "200", description = "The process, with its ETag")
    @APIResponse(responseCode = "404", description = "No such process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("key") String key) {
        return ok(catalogue.get(key));
    }

    @POST
    @RolesAllowed({ Roles.HR_ADMIN, Roles.HR_LEAD })
    @Operation(operationId = "createProcess", summary = "List a process", description = "Its key, name and aliases all lead to it (compared "
            + "normalised: case, punctuation, whitespace, plural endings). An alias that names an UNREVIEWED name "
            + "maps that name here (its items move); one that names another listed process is 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "expenses", value = """
            {"key":"expenses","name":"Expenses","aliases":["Expense claims","Travel expenses"]}""")))
    @APIResponse(responseCode = "201", description = "Listed; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The key exists, or an alias means another listed process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response create(@Valid @NotNull ProcessBody body) {
        ProcessCatalogue.Listed listed = catalogue.create(new ProcessCatalogue.Definition(body.key(), body.name(),
                body.aliases() == null ? List.of() : body.aliases()));
        return Response.created(URI.create("/api/v1/processes/" + listed.process().key))
                .tag(tag(listed.process())).entity(ProcessView.from(listed)).build();
    }

    @PUT
    @Path("/{key}")
    @RolesAllowed({ Roles.HR_ADMIN, Roles.HR_LEAD })
    @Operation(operationId = "replaceProcess", summary = "Rename a process or replace its aliases", description = "Send If-Match with the ETag you "
            + "read (without it: 428; stale: 412). An UNREVIEWED name put here becomes a listed process under its key.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "rename", value = """
            {"name":"Expenses and travel","aliases":["Expense claims","Travel expenses","expenses"]}""")))
    @APIResponse(responseCode = "200", description = "The process, with its new ETag")
    @APIResponse(responseCode = "404", description = "No such process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "An alias means another listed process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull ProcessChange body) {
        return ok(catalogue.update(key, ifMatch, body.name(), body.aliases() == null ? List.of() : body.aliases()));
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed({ Roles.HR_ADMIN, Roles.HR_LEAD })
    @Operation(operationId = "deleteProcess", summary = "Remove a process without items")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "It has improvement items: map it instead", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response delete(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        catalogue.delete(key, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{key}/mapping")
    @RolesAllowed({ Roles.HR_ADMIN })
    @Operation(operationId = "mapProcessName", summary = "Map an UNREVIEWED name to a listed process", description = "The name becomes an alias of "
            + "that process; its improvement items and the feedback seen about it move to that process's area. "
            + "If-Match: the ETag of the UNREVIEWED name.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "into", value = "{\"into\":\"expenses\"}")))
    @APIResponse(responseCode = "200", description = "The process the name joined")
    @APIResponse(responseCode = "404", description = "No such name", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The name is a listed process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "into is not a listed process", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response map(@PathParam("key") String key, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Valid @NotNull MappingBody body) {
        return ok(catalogue.map(key, ifMatch, body.into()));
    }

    private static Response ok(ProcessCatalogue.Listed listed) {
        return Response.ok(ProcessView.from(listed)).tag(tag(listed.process())).build();
    }

    private static String tag(ProcessEntry process) {
        return ETags.of(process.version).replace("\"", "");
    }
}
