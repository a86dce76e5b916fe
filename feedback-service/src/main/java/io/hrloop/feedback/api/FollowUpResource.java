package io.hrloop.feedback.api;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FollowUp;
import io.hrloop.feedback.domain.FollowUpOutcome;
import io.hrloop.feedback.domain.FollowUpStatus;
import io.hrloop.feedback.service.FollowUpService;

@Path("/api/v1/follow-ups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Follow-ups", description = "Service recovery: poor survey answers followed up by the lead of the request's team")
public class FollowUpResource {

    private final FollowUpService followUps;
    private final Caller caller;

    public FollowUpResource(FollowUpService followUps, Caller caller) {
        this.followUps = followUps;
        this.caller = caller;
    }

    @Schema(name = "FollowUp")
    public record FollowUpView(UUID id, UUID feedbackId, UUID requestId, String reference, String requestType, String team,
            @Schema(description = "The person who answered the survey") String personId, Integer csat, Integer nps,
            String comment, FollowUpStatus status, String assignee, FollowUpOutcome outcome, String note,
            OffsetDateTime createdAt, OffsetDateTime claimedAt, OffsetDateTime closedAt, long version) {
        static FollowUpView from(FollowUp f) {
            Feedback feedback = Feedback.findById(f.feedbackId);
            return new FollowUpView(f.id, f.feedbackId, f.requestId, f.reference, f.requestType, f.team, f.personId, f.csat,
                    f.nps, feedback == null ? null : feedback.comment, f.status, f.assignee, f.outcome, f.note, f.createdAt,
                    f.claimedAt, f.closedAt, f.version);
        }
    }

    @Schema(name = "FollowUpClosure")
    public record Closure(@Schema(required = true) @NotNull FollowUpOutcome outcome,
            @Schema(description = "What was done, at most 2000 characters") @Size(max = 2000) String note) {
    }

    @GET
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN })
    @Operation(operationId = "listFollowUps", summary = "Follow-ups", description = "hr-admin sees every team's; other HR roles their own team's (token claim team). Newest first.")
    @APIResponse(responseCode = "200", description = "A page of follow-ups")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an HR role", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<FollowUpView> list(@Parameter(description = "OPEN, CLAIMED or CLOSED") @QueryParam("status") String status,
            @Parameter(description = "Team (hr-admin)") @QueryParam("team") String team,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return followUps.list(viewer(), team, Params.oneOf(FollowUpStatus.class, "status", status),
                Cursor.limit(limit, 20, 100), cursor).map(FollowUpView::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN })
    @Operation(operationId = "getFollowUp", summary = "One follow-up")
    @APIResponse(responseCode = "200", description = "The follow-up; ETag carries its version")
    @APIResponse(responseCode = "404", description = "Unknown or another team's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        return withTag(followUps.get(viewer(), id));
    }

    @POST
    @Path("/{id}/claim")
    @RolesAllowed(Roles.HR_LEAD)
    @Operation(operationId = "claimFollowUp", summary = "Claim a follow-up", description = "By a lead of the request's team. Claiming one's own claim again changes nothing.")
    @APIResponse(responseCode = "200", description = "Claimed by the caller")
    @APIResponse(responseCode = "404", description = "Unknown or another team's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already claimed by someone else, or closed", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response claim(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(followUps.claim(viewer(), id, ifMatch));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.HR_LEAD)
    @Operation(operationId = "closeFollowUp", summary = "Close a claimed follow-up with its outcome", description = "By the lead who claimed it.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "recovered", value = """
            {"outcome": "RECOVERED", "note": "Called her, the overtime is in this month's pay and she is happy."}""")))
    @APIResponse(responseCode = "200", description = "Closed")
    @APIResponse(responseCode = "400", description = "Missing or unknown outcome", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown or another team's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not claimed, or claimed by someone else", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response close(@PathParam("id") UUID id, @Valid @NotNull Closure body, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        return withTag(followUps.close(viewer(), id, body.outcome(), body.note(), ifMatch));
    }

    private FollowUpService.Viewer viewer() {
        return new FollowUpService.Viewer(caller.personId(), caller.team(), caller.has(Roles.HR_ADMIN),
                caller.has(Roles.ER_SPECIALIST));
    }

    private static Response withTag(FollowUp followUp) {
        return Response.ok(FollowUpView.from(followUp)).tag(ETags.of(followUp.version).replace("\"", "")).build();
    }
}
