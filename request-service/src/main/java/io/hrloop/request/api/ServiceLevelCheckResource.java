package io.hrloop.request.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Roles;
import io.hrloop.common.time.Times;
import io.hrloop.request.service.ServiceLevelService;

@Path("/api/v1/requests/{id}/service-level")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Service levels")
public class ServiceLevelCheckResource {

    private final ServiceLevelService serviceLevels;
    private final Times times;

    public ServiceLevelCheckResource(ServiceLevelService serviceLevels, Times times) {
        this.serviceLevels = serviceLevels;
        this.times = times;
    }

    @Schema(name = "ServiceLevelCheck", description = "The live service-level state next to the one recomputed from "
            + "the audit history; consistent is false when they differ")
    public record RecomputationView(UUID requestId, boolean consistent, RequestView.ServiceLevelView live,
            RequestView.ServiceLevelView recomputed) {
    }

    @GET
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "recomputeRequestServiceLevel", summary = "Recompute a request's service levels from its history", description = "Replays the audit "
            + "history (targets at submission, status changes, first response, notifications) and compares the result "
            + "with the live state.")
    @APIResponse(responseCode = "200", description = "Live and recomputed state",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecomputationView.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you as HR",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "HR roles only",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public RecomputationView recompute(@PathParam("id") UUID id) {
        ServiceLevelService.Recomputation r = serviceLevels.recompute(id);
        var now = times.now();
        return new RecomputationView(id, r.consistent(),
                RequestView.ServiceLevelView.from(r.request().calendarKey, r.live(), r.hours(), now),
                RequestView.ServiceLevelView.from(r.request().calendarKey, r.recomputed(), r.hours(), now));
    }
}
