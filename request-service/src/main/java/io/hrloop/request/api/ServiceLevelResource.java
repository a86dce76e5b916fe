package io.hrloop.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Roles;
import io.hrloop.request.service.ServiceLevelService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service levels", description = "Attainment of first-response and resolution targets")
public class ServiceLevelResource {

    static final String REPORT = """
            {"from":"2026-10-01T00:00:00Z","to":"2026-11-01T00:00:00Z","groupBy":"type","goal":0.9,
             "groups":[{"key":"payroll-query","requests":42,
              "firstResponse":{"attained":40,"breached":2,"pending":0,"attainment":0.9524,"goal":0.9,"gapToGoal":0.0524,
               "averageTargetMinutes":480.0,"averageMinutes":131.5,"averageOverrunMinutes":-348.5},
              "resolution":{"attained":33,"breached":6,"pending":3,"attainment":0.8462,"goal":0.9,"gapToGoal":-0.0538,
               "averageTargetMinutes":2400.0,"averageMinutes":1710.2,"averageOverrunMinutes":-689.8}}]}""";

    private final ServiceLevelService serviceLevels;

    public ServiceLevelResource(ServiceLevelService serviceLevels) {
        this.serviceLevels = serviceLevels;
    }

    @GET
    @Path("service-levels")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(summary = "Service-level attainment report", description = "Over the requests created in [from, to) "
            + "(default: the last 30 days) that the caller may see as HR; confidential cases count only for "
            + "er-specialists. attainment = attained ÷ decided; gapToGoal = attainment − the configured goal; "
            + "averageOverrunMinutes = business minutes used − target, over completed targets (negative is faster).")
    @APIResponse(responseCode = "200", description = "Attainment and gap per group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceLevelService.Report.class),
                    examples = @ExampleObject(name = "by type", value = REPORT)))
    @APIResponse(responseCode = "400", description = "Invalid period or grouping",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Requesters have no report; HR roles only",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ServiceLevelService.Report report(
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("groupBy") @Parameter(schema = @Schema(enumeration = { "type", "team", "week", "month" }),
                    description = "Default type") String groupBy,
            @QueryParam("type") String type, @QueryParam("team") String team) {
        return serviceLevels.report(RequestResource.time("from", from), RequestResource.time("to", to), groupBy, type,
                team);
    }
}
