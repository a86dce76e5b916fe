package io.hrloop.request.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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

import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.AppealOutcome;
import io.hrloop.request.domain.DeclineReason;
import io.hrloop.request.domain.DeclineStatus;
import io.hrloop.request.domain.DeclineSubReason;
import io.hrloop.request.domain.RequestDecline;
import io.hrloop.request.service.DeclineService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/requests/{id}/decline")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Decline and appeal", description = "HR declines only what is unsafe, illegal, unethical or unsustainable; "
        + "a second person confirms it and the requester may appeal once")
public class DeclineResource {

    private final DeclineService declines;
    private final Idempotency idempotency;
    private final Caller caller;

    public DeclineResource(DeclineService declines, Idempotency idempotency, Caller caller) {
        this.declines = declines;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Schema(name = "DeclineProposal")
    public record ProposalBody(@NotNull DeclineReason reason,
            @Schema(description = "Required with UNSUSTAINABLE, and only then") DeclineSubReason subReason,
            @NotBlank @Size(max = 4000) @Schema(description = "Why, in words the requester understands") String explanation,
            @NotBlank @Size(max = 300) @Schema(description = "The policy the decline rests on") String policyReference,
            @Size(max = 4000) @Schema(description = "What HR can offer instead, where something exists") String alternative) {
    }

    @Schema(name = "DeclineDecision")
    public record DecisionBody(@Size(max = 4000) String note) {
    }

    @Schema(name = "Appeal")
    public record AppealBody(@NotBlank @Size(max = 4000) String statement) {
    }

    @Schema(name = "AppealDecision")
    public record AppealDecisionBody(@NotNull AppealOutcome outcome, @Size(max = 4000) String note) {
    }

    @Schema(name = "Decline")
    public record DeclineView(UUID id, UUID requestId, DeclineStatus status, DeclineReason reason,
            DeclineSubReason subReason, String explanation, String policyReference, String alternative,
            String proposedBy, OffsetDateTime proposedAt, String decidedBy, OffsetDateTime decidedAt,
            @Schema(description = "The lead's note; HR only") String decisionNote, AppealView appeal, long version) {

        static DeclineView from(RequestDecline d, boolean hr) {
            AppealView appeal = d.appealStatement == null ? null
                    : new AppealView(d.appealStatement, d.appealedBy, d.appealedAt, d.appealOutcome, d.appealDecidedBy,
                            d.appealDecidedAt, d.appealNote);
            return new DeclineView(d.id, d.requestId, d.status, d.reason, d.subReason, d.explanation,
                    d.policyReference, d.alternative, d.proposedBy, d.proposedAt, d.decidedBy, d.decidedAt,
                    hr ? d.decisionNote : null, appeal, d.version);
        }
    }

    @Schema(name = "AppealState")
    public record AppealView(String statement, String appealedBy, OffsetDateTime appealedAt, AppealOutcome outcome,
            String decidedBy, OffsetDateTime decidedAt, String note) {
    }

    private Response view(RequestDecline d, UUID requestId) {
        return Response.ok(DeclineView.from(d, declines.seesDeliberation(requestId))).tag(String.valueOf(d.version))
                .build();
    }

    @POST
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.ER_SPECIALIST })
    @Operation(operationId = "proposeDecline", summary = "Propose a decline", description = "The owner proposes; nothing changes for the requester "
            + "until an hr-lead who is not the proposer confirms. Reason UNSAFE, ILLEGAL, UNETHICAL or UNSUSTAINABLE "
            + "(with subReason QUALITY_OR_TIME_FRAME, OTHER_CUSTOMERS_NEEDS, NOT_FINANCIALLY_VIABLE or "
            + "AGAINST_HR_STRATEGY). Idempotency-Key makes a retry return the first result.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ProposalBody.class),
            examples = @ExampleObject(name = "unsustainable", value = Examples.DECLINE)))
    @APIResponse(responseCode = "201", description = "Proposed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclineView.class)))
    @APIResponse(responseCode = "400", description = "Missing explanation or policy, or a subReason that does not fit the reason",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the owner of the request",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The request cannot be declined in its status (the problem lists "
            + "the allowed moves), or a proposal already waits",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response propose(@PathParam("id") UUID id, @Valid @NotNull ProposalBody body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/requests/" + id + "/decline", body, () -> {
            RequestDecline d = declines.propose(id, new DeclineService.Proposal(body.reason(), body.subReason(),
                    body.explanation(), body.policyReference(), body.alternative()));
            return Response.created(URI.create("/api/v1/requests/" + id + "/decline")).tag(String.valueOf(d.version))
                    .entity(DeclineView.from(d, true)).build();
        });
    }

    @GET
    @Authenticated
    @Operation(operationId = "getDecline", summary = "The latest decline of a request", description = "HR sees proposals and decisions; the "
            + "requester sees a decline once it is confirmed, with its appeal.")
    @APIResponse(responseCode = "200", description = "The decline, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclineView.class)))
    @APIResponse(responseCode = "404", description = "No such request, or no decline visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response current(@PathParam("id") UUID id) {
        return view(declines.current(id), id);
    }

    @POST
    @Path("confirm")
    @RolesAllowed(Roles.HR_LEAD)
    @Operation(operationId = "confirmDecline", summary = "Confirm a proposed decline", description = "By an hr-lead of the team (for confidential "
            + "cases also an er-specialist) who is not the proposer. The request becomes DECLINED and "
            + "hr.request.declined is published. Send If-Match with the decline's ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionBody.class),
            examples = @ExampleObject(name = "confirm", value = "{\"note\":\"Agreed: HR-POL-12 applies.\"}")))
    @APIResponse(responseCode = "200", description = "Confirmed",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclineView.class)))
    @APIResponse(responseCode = "403", description = "Not an hr-lead of the team, or the proposer",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No proposal waits for a decision",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the decline's version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response confirm(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid DecisionBody body) {
        return view(declines.confirm(id, ifMatch, body == null ? null : body.note()), id);
    }

    @POST
    @Path("reject")
    @RolesAllowed(Roles.HR_LEAD)
    @Operation(operationId = "rejectDecline", summary = "Reject a proposed decline", description = "The request goes on as before. By an hr-lead "
            + "who is not the proposer. Send If-Match with the decline's ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DecisionBody.class),
            examples = @ExampleObject(name = "reject", value = "{\"note\":\"We can do this within the quarter.\"}")))
    @APIResponse(responseCode = "200", description = "Rejected",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclineView.class)))
    @APIResponse(responseCode = "403", description = "Not an hr-lead of the team, or the proposer",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No proposal waits for a decision",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the decline's version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response reject(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid DecisionBody body) {
        return view(declines.reject(id, ifMatch, body == null ? null : body.note()), id);
    }

    @POST
    @Path("appeal")
    @Authenticated
    @Operation(operationId = "appealDecline", summary = "Appeal a decline", description = "The requester may appeal a confirmed decline once. "
            + "Idempotency-Key makes a retry return the first result.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealBody.class),
            examples = @ExampleObject(name = "appeal", value = Examples.APPEAL)))
    @APIResponse(responseCode = "201", description = "Appeal lodged",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclineView.class)))
    @APIResponse(responseCode = "400", description = "Empty statement",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not the requester",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not declined, or already appealed once",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response appeal(@PathParam("id") UUID id, @Valid @NotNull AppealBody body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/requests/" + id + "/decline/appeal", body,
                () -> {
                    RequestDecline d = declines.appeal(id, body.statement());
                    return Response.created(URI.create("/api/v1/requests/" + id + "/decline"))
                            .tag(String.valueOf(d.version)).entity(DeclineView.from(d, false)).build();
                });
    }

    @POST
    @Path("appeal/decision")
    @RolesAllowed(Roles.HR_LEAD)
    @Operation(operationId = "decideDeclineAppeal", summary = "Decide an appeal", description = "By an hr-lead who neither proposed nor confirmed the "
            + "decline. OVERTURNED puts the request back IN_PROGRESS (its resolution clock runs again); UPHELD keeps "
            + "it DECLINED. Send If-Match with the decline's ETag.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AppealDecisionBody.class),
            examples = @ExampleObject(name = "overturn", value = Examples.APPEAL_DECISION)))
    @APIResponse(responseCode = "200", description = "Decided",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeclineView.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown outcome",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an hr-lead of the team, or the proposer or confirmer",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "No appeal waits for a decision",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the decline's version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response decideAppeal(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull AppealDecisionBody body) {
        return view(declines.decideAppeal(id, ifMatch, body.outcome(), body.note()), id);
    }
}
