package io.hrloop.feedback.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.limits.ClientLimited;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.SurveyInvitation;
import io.hrloop.feedback.service.SurveyAnswers;

@Path("/api/v1/surveys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Surveys", description = "Invitations to rate a resolved request, answered once through an unguessable token")
public class SurveyResource {

    private final SurveyAnswers surveys;
    private final Caller caller;

    public SurveyResource(SurveyAnswers surveys, Caller caller) {
        this.surveys = surveys;
        this.caller = caller;
    }

    @Schema(name = "PendingSurvey")
    public record PendingSurvey(String token, UUID requestId, String reference, String subject, OffsetDateTime expiresAt) {
        static PendingSurvey from(SurveyInvitation i) {
            return new PendingSurvey(i.token, i.requestId, i.reference, i.subject, i.expiresAt);
        }
    }

    @Schema(name = "Survey", description = "What the person answering sees: the request's reference and subject, nothing more")
    public record SurveyView(String reference, String subject, OffsetDateTime expiresAt) {
        static SurveyView from(SurveyInvitation i) {
            return new SurveyView(i.reference, i.subject, i.expiresAt);
        }
    }

    @Schema(name = "SurveyResponse")
    public record SurveyAnswer(
            @Schema(description = "Customer satisfaction, 1 (very dissatisfied) to 5 (very satisfied)", required = true, examples = "4")
            @NotNull @Min(1) @Max(5) Integer csat,
            @Schema(description = "Customer effort, 1 (very easy) to 7 (very hard)", examples = "2") @Min(1) @Max(7) Integer ces,
            @Schema(description = "Likelihood to recommend HR, 0 to 10", examples = "9") @Min(0) @Max(10) Integer nps,
            @Schema(description = "Free text, at most 2000 characters", examples = "Quick and clear answer, thank you.")
            @Size(max = 2000) String comment,
            @Schema(description = "Themes from the taxonomy", examples = "[\"speed\"]") @Size(max = 8) Set<Theme> themes) {
    }

    @Schema(name = "SurveyReceipt")
    public record Receipt(UUID feedbackId, double sentiment, Set<Theme> themes) {
        static Receipt from(Feedback f) {
            return new Receipt(f.id, f.sentiment == null ? 0.0 : f.sentiment, f.themes());
        }
    }

    @GET
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "listPendingSurveys", summary = "The caller's pending survey invitations", description = "Invitations not yet answered, withdrawn or expired, newest first.")
    @APIResponse(responseCode = "200", description = "A page of invitations")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<PendingSurvey> pending(@QueryParam("limit") @Parameter(description = "1 to 100, default 20") Integer limit,
            @QueryParam("cursor") String cursor) {
        return surveys.pending(caller.personId(), Cursor.limit(limit, 20, 100), cursor).map(PendingSurvey::from);
    }

    @GET
    @Path("/{token}")
    @ClientLimited
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "getSurvey", summary = "Open a survey by its token (no login)", description = "Shows the request's reference and subject.")
    @APIResponse(responseCode = "200", description = "The survey can be answered")
    @APIResponse(responseCode = "404", description = "Unknown, withdrawn or expired token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many survey look-ups from this address; Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SurveyView open(@PathParam("token") String token) {
        return SurveyView.from(surveys.open(token));
    }

    @POST
    @Path("/{token}/response")
    @ClientLimited
    @PermitAll
    @SecurityRequirementsSet
    @Operation(operationId = "answerSurvey", summary = "Answer a survey (no login, once)", description = "CSAT is required; a second answer is refused with 409.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "answer", value = """
            {"csat": 4, "ces": 2, "nps": 9, "comment": "Quick and clear answer, thank you.", "themes": ["speed"]}""")))
    @APIResponse(responseCode = "201", description = "Answer recorded")
    @APIResponse(responseCode = "400", description = "Invalid answer", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "Unknown, withdrawn or expired token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Already answered", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many survey look-ups from this address; Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response answer(@PathParam("token") String token, @Valid @NotNull SurveyAnswer body) {
        Feedback feedback = surveys.answer(token, body.csat(), body.ces(), body.nps(), body.comment(), body.themes());
        return Response.created(URI.create("/api/v1/feedback/" + feedback.id)).entity(Receipt.from(feedback)).build();
    }
}
