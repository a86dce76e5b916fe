package io.hrloop.request.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.RequestStatus;
import io.hrloop.request.service.WorkflowService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Workflow", description = "Ownership and the lifecycle of a request")
public class WorkflowResource {

    private final WorkflowService workflow;
    private final RequestViews views;

    public WorkflowResource(WorkflowService workflow, RequestViews views) {
        this.workflow = workflow;
        this.views = views;
    }

    @Schema(name = "Assignment")
    public record AssignmentBody(@NotBlank @Size(max = 200) @Schema(description = "Person id of the new owner") String owner,
            @Size(max = 2000) @Schema(description = "Required when the request already has an owner") String reason) {
    }

    @Schema(name = "StatusChange")
    public record StatusBody(@NotNull RequestStatus status,
            @Size(max = 4000) @Schema(description = "Shown to the requester; required for WAITING_ON_CUSTOMER") String note) {
    }

    @POST
    @Path("assignment")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.ER_SPECIALIST })
    @Operation(operationId = "assignRequest", summary = "Take or give ownership", description = "An agent of the team takes an unowned request "
            + "(owner = themself); the owner hands it over; a lead of the team reassigns anything. A reassignment "
            + "records its reason. A request has at most one owner. Send If-Match; a stale version is 412.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AssignmentBody.class),
            examples = @ExampleObject(name = "reassign", value = Examples.ASSIGN)))
    @APIResponse(responseCode = "200", description = "The request with its new owner and ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "Missing owner, or a reassignment without reason",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agent of the team, the owner or a lead",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The request is resolved, closed or declined, or was changed meanwhile",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    public Response assign(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AssignmentBody body) {
        HrRequest r = workflow.assign(id, ifMatch, body.owner(), body.reason());
        return Response.ok(views.of(r)).tag(String.valueOf(r.version)).build();
    }

    @POST
    @Path("status")
    @Authenticated
    @Operation(operationId = "changeRequestStatus", summary = "Move a request in its lifecycle", description = "SUBMITTED → ASSIGNED → IN_PROGRESS ⇄ "
            + "WAITING_ON_CUSTOMER → RESOLVED → CLOSED. The owner or a lead moves it; the requester may reopen a "
            + "RESOLVED request within the reopen window (back to IN_PROGRESS) or close it. ASSIGNED comes with an "
            + "owner (assignment), DECLINED with a confirmed decline. WITHDRAWN: the requester's side (the requester, "
            + "the person it is for, the integration that filed it) withdraws an open request; it is final, its "
            + "service-level clocks stop without a verdict (left out of the attainment report), it is never surveyed "
            + "(hr.request.status-changed, never hr.request.resolved); HR cannot withdraw for them (403). Send "
            + "If-Match; a stale version is 412.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = StatusBody.class),
            examples = { @ExampleObject(name = "ask the customer", value = Examples.STATUS),
                    @ExampleObject(name = "withdraw", value = Examples.WITHDRAW) }))
    @APIResponse(responseCode = "200", description = "The request in its new status, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "Unknown status, or WAITING_ON_CUSTOMER without a note",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, a lead, or (for reopening and withdrawing) the requester",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The lifecycle does not allow the move (the problem lists the "
            + "allowed ones), or the reopen window has passed",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "illegal transition", value = Examples.ILLEGAL_TRANSITION)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    public Response changeStatus(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull StatusBody body) {
        HrRequest r = workflow.changeStatus(id, ifMatch, body.status(), body.note());
        return Response.ok(views.of(r)).tag(String.valueOf(r.version)).build();
    }
}
