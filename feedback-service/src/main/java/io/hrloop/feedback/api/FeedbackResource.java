package io.hrloop.feedback.api;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.limits.FeedbackLimited;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.SentimentClass;
import io.hrloop.feedback.domain.SubjectType;
import io.hrloop.feedback.service.Contacts;
import io.hrloop.feedback.service.FeedbackService;

@Path("/api/v1/feedback")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Feedback", description = "Unsolicited feedback, signed or anonymous, and the feedback HR reads")
public class FeedbackResource {

    private final FeedbackService feedback;
    private final Idempotency idempotency;
    private final Caller caller;
    private final ObjectMapper mapper;
    private final Contacts contacts;

    public FeedbackResource(FeedbackService feedback, Idempotency idempotency, Caller caller, ObjectMapper mapper,
            Contacts contacts) {
        this.contacts = contacts;
        this.feedback = feedback;
        this.idempotency = idempotency;
        this.caller = caller;
        this.mapper = mapper;
    }

    @Schema(name = "FeedbackSubmission")
    public record Submission(
            @Schema(description = "REQUEST_TYPE, PROCESS or GENERAL", required = true) @NotNull SubjectType subjectType,
            @Schema(description = "The request type key or the process name; absent for GENERAL", examples = "payroll-query")
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 _./-]*", message = "must be a key or a name") String subjectKey,
            @Min(1) @Max(5) Integer csat, @Min(1) @Max(7) Integer ces, @Min(0) @Max(10) Integer nps,
            @Schema(description = "At most 2000 characters") @Size(max = 2000) String comment,
            @Size(max = 8) Set<Theme> themes,
            @Schema(description = "true: no identity, no address, only the date is kept", required = true) @NotNull Boolean anonymous) {

        @AssertTrue(message = "give at least one of csat, ces, nps or comment")
        @Schema(hidden = true)
        public boolean isSaysSomething() {
            return csat != null || ces != null || nps != null || (comment != null && !comment.isBlank());
        }

        @AssertTrue(message = "REQUEST_TYPE and PROCESS need a subjectKey, GENERAL takes none; REQUEST is for survey answers")
        @Schema(hidden = true)
        public boolean isSubjectConsistent() {
            if (subjectType == null) {
                return true;
            }
            return switch (subjectType) {
                case REQUEST -> false;
                case GENERAL -> subjectKey == null;
                case REQUEST_TYPE, PROCESS -> subjectKey != null && !subjectKey.isBlank();
            };
        }

        FeedbackService.Submission toSubmission() {
            return new FeedbackService.Submission(subjectType, subjectKey, csat, ces, nps, comment, themes, anonymous);
        }
    }

    @POST
    @FeedbackLimited
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "submitFeedback", summary = "Give feedback at any time, signed or anonymous", description = """
            Anonymous feedback keeps no person id, no network address and no time but the date, and its \
            hr.feedback.received event carries neither. It stays out of sight (no list, count or insight, GET is 404) \
            until its release batch (hourly, shuffled); the answer shows the person what they wrote. An \
            Idempotency-Key makes a retry return the first result. Each person may give 20 pieces an hour, signed \
            and anonymous together (hrloop.limits.feedback-per-person).""")
    @RequestBody(content = @Content(examples = {
            @ExampleObject(name = "anonymous", value = """
                    {"subjectType": "PROCESS", "subjectKey": "expense claims", "csat": 2, "comment": "Far too many forms for a train ticket.", "anonymous": true}"""),
            @ExampleObject(name = "signed", value = """
                    {"subjectType": "REQUEST_TYPE", "subjectKey": "payroll-query", "csat": 5, "nps": 9, "themes": ["speed"], "anonymous": false}""") }))
    @APIResponse(responseCode = "201", description = "Recorded; Location is the feedback")
    @APIResponse(responseCode = "400", description = "Invalid feedback", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused for another body (signed feedback)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too much feedback from this person recently; Retry-After says when to try again", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull Submission body, @HeaderParam(Idempotency.HEADER) String key) {
        if (body.anonymous()) {
            // Deliberately not the shared idempotency table: it would tie the caller and the moment to this feedback.
            FeedbackService.Outcome outcome = feedback.submitAnonymous(body.toSubmission(), key, canonical(body));
            Response.ResponseBuilder response = created(outcome.feedback());
            return (outcome.replayed() ? response.header("Idempotent-Replayed", "true") : response).build();
        }
        // A signed author may be told by mail when their feedback leads to an improvement: note their address.
        ContactSightings.sightCaller(caller, contacts);
        return idempotency.execute(key, caller.personId(), "POST /api/v1/feedback", body,
                () -> created(feedback.submitSigned(caller.personId(), body.toSubmission())).build());
    }

    private static Response.ResponseBuilder created(Feedback f) {
        return Response.created(URI.create("/api/v1/feedback/" + f.id)).entity(FeedbackView.from(f));
    }

    private byte[] canonical(Submission body) {
        try {
            return mapper.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @GET
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "listFeedback", summary = "List feedback", description = """
            Everyone sees the feedback they signed. HR sees feedback as it sees the request it is about: about a \
            confidential (employee-relations) request or type only employee-relations specialists; about a team's \
            requests or types hr-agents and hr-leads of that team and hr-admin; about no team (a process, HR in \
            general) every HR role. Anything else is left out. Newest day first.""")
    @APIResponse(responseCode = "200", description = "A page of feedback")
    @APIResponse(responseCode = "400", description = "Invalid filter, limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<FeedbackView> list(
            @Parameter(description = "SURVEY or UNSOLICITED") @QueryParam("source") String source,
            @Parameter(description = "REQUEST, REQUEST_TYPE, PROCESS or GENERAL") @QueryParam("subjectType") String subjectType,
            @QueryParam("requestType") String requestType, @QueryParam("team") String team,
            @Parameter(description = "First day (received on), inclusive", example = "2026-01-01") @QueryParam("from") String from,
            @Parameter(description = "Last day, inclusive", example = "2026-03-31") @QueryParam("to") String to,
            @Parameter(description = "NEGATIVE, NEUTRAL or POSITIVE") @QueryParam("sentiment") String sentiment,
            @QueryParam("frustrated") Boolean frustrated,
            @QueryParam("anonymous") Boolean anonymous,
            @Parameter(description = "1 to 100, default 20") @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 20, 100);
        FeedbackService.Filter filter = new FeedbackService.Filter(Params.oneOf(FeedbackSource.class, "source", source),
                Params.oneOf(SubjectType.class, "subjectType", subjectType), requestType, team, Params.day("from", from),
                Params.day("to", to), Params.oneOf(SentimentClass.class, "sentiment", sentiment), frustrated, anonymous);
        return feedback.list(filter, reader(), size, cursor).map(FeedbackView::from);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "getFeedback", summary = "One piece of feedback, with its sentiment, frustration flag and themes")
    @APIResponse(responseCode = "200", description = "The feedback")
    @APIResponse(responseCode = "404", description = "Unknown, not the caller's to see (another person's, another team's, confidential), or anonymous and not yet released", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public FeedbackView get(@PathParam("id") UUID id) {
        return feedback.find(id, reader()).map(FeedbackView::from)
                .orElseThrow(() -> DomainException.notFound("feedback " + id));
    }

    private FeedbackService.Reader reader() {
        return new FeedbackService.Reader(caller.personId(), caller.isHr(), caller.has(Roles.HR_ADMIN),
                caller.hasAny(Roles.HR_AGENT, Roles.HR_LEAD) ? caller.team() : null, caller.has(Roles.ER_SPECIALIST));
    }
}
