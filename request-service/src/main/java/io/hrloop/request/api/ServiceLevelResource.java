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

import io.hrloop.common.api.DateParams;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Roles;
import io.hrloop.request.service.ServiceLevelService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service levels", description = "Attainment of first-response and resolution targets")
public class ServiceLevelResource {

    static final String REPORT = """
            {"from":"2026-09-28T00:00:00Z","to":"2026-11-02T00:00:00Z","groupBy":"type","goal":0.9,"minGroupSize":5,
             "groups":[{"key":"benefits-question","requests":null,"suppressed":true},
              {"key":"payroll-query","requests":42,"suppressed":false,
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
    @Operation(operationId = "getServiceLevelReport", summary = "Service-level attainment report", description = "Over the requests created in [from, to) "
            + "(default: the weeks of the last 30 days) that the caller may see as HR; confidential cases count only for "
            + "er-specialists. attainment = attained ÷ decided; gapToGoal = attainment − the configured goal; "
            + "averageOverrunMinutes = business minutes used − target, over completed targets (negative is faster). "
            + "Small numbers are protected: from and to are moved to whole ISO weeks (Monday 00:00 UTC; the response "
            + "shows the period used), a request type × team × week with fewer than minGroupSize requests is left out "
            + "of every figure and count, and a group with nothing left is suppressed (figures null). A month is the "
            + "ISO weeks whose Thursday falls in it.")
    @APIResponse(responseCode = "200", description = "Attainment and gap per group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ServiceLevelService.Report.class),
                    examples = @ExampleObject(name = "by type", value = REPORT)))
    @APIResponse(responseCode = "400", description = "Invalid period (not a date, outside the years 1..9999, from not before to) or grouping",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Requesters have no report; HR roles only",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ServiceLevelService.Report report(
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("groupBy") @Parameter(schema = @Schema(enumeration = { "type", "team", "week", "month" }),
                    description = "Default type") String groupBy,
            @QueryParam("type") String type, @QueryParam("team") String team) {
        return serviceLevels.report(DateParams.dateTime("from", from), DateParams.dateTime("to", to), groupBy, type,
                team);
    }
}
