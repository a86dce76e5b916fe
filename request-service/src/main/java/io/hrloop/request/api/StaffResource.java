package io.hrloop.request.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.StaffMember;
import io.hrloop.request.service.StaffRegister;

@Path("/api/v1/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff", description = "The staff register: who may own requests (hr-admin)")
public class StaffResource {

    static final String EXAMPLE = """
            {"team":"payroll","roles":["hr-agent"],"active":true}""";

    private final StaffRegister staff;

    public StaffResource(StaffRegister staff) {
        this.staff = staff;
    }

    @Schema(name = "StaffEntry")
    public record StaffBody(@Size(max = 100) @Schema(description = "Required for hr-agent and hr-lead") String team,
            @NotNull @Size(max = 4) @Schema(description = "HR roles: hr-agent, hr-lead, hr-admin, er-specialist")
            List<@NotNull @Size(max = 40) String> roles,
            @NotNull @Schema(description = "false: no request can be given to the person") Boolean active) {
    }

    @Schema(name = "StaffMember")
    public record StaffView(String personId, String team, List<String> roles, boolean active,
            @Schema(description = "Who last set team and roles: TOKEN (the person's own token) or ADMIN")
            StaffMember.Source source, OffsetDateTime lastSeenAt, OffsetDateTime updatedAt, String updatedBy,
            long version) {

        static StaffView from(StaffMember m) {
            return new StaffView(m.personId, m.team, m.roleList(), m.active, m.source, m.lastSeenAt, m.updatedAt,
                    m.updatedBy, m.version);
        }
    }

    @GET
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "listStaff", summary = "List the staff register", description = "People seen with an HR role or entered by hr-admin, "
            + "by person id; team and active narrow the list.")
    @APIResponse(responseCode = "200", description = "A page of staff members")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not hr-admin",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<StaffView> list(@QueryParam("team") String team, @QueryParam("active") Boolean active,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return staff.list(team, active, cursor, Cursor.limit(limit, 50, 200)).map(StaffView::from);
    }

    @GET
    @Path("{personId}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "getStaffMember", summary = "Read a staff member")
    @APIResponse(responseCode = "200", description = "The entry, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "403", description = "Not hr-admin",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Not in the register",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("personId") @Size(max = 200) String personId) {
        StaffMember member = staff.get(personId);
        return Response.ok(StaffView.from(member)).tag(String.valueOf(member.version)).build();
    }

    @PUT
    @Path("{personId}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "putStaffMember", summary = "Enter or replace a staff member", description = "Registers a person who has not called yet, "
            + "or takes someone out (active false: no request can be given to them, whatever their token says). A "
            + "person's token is the truth about roles and team: their next call writes what it carries. Send If-Match "
            + "when replacing; a stale one is 412.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffBody.class),
            examples = @ExampleObject(name = "agent", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Replaced",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "201", description = "Entered",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StaffView.class)))
    @APIResponse(responseCode = "400", description = "Unknown role, or an agent or lead without a team",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not hr-admin",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    public Response put(@PathParam("personId") @Size(max = 200) String personId,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull StaffBody body) {
        StaffRegister.Entry entry = staff.put(personId, ifMatch, body.team(), body.roles(), body.active());
        Response.ResponseBuilder response = entry.created()
                ? Response.created(URI.create("/api/v1/staff/" + personId)) : Response.ok();
        return response.entity(StaffView.from(entry.member())).tag(String.valueOf(entry.member().version)).build();
    }
}
