package io.hrloop.request.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.api.DateParams;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.SuggestionView;
import io.hrloop.request.service.SelfService;

@Path("/api/v1/self-service")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-service", description = "Suggestions seen before submitting, and the deflection they achieved")
public class SelfServiceResource {

    private final SelfService selfService;
    private final Idempotency idempotency;
    private final Caller caller;

    public SelfServiceResource(SelfService selfService, Idempotency idempotency, Caller caller) {
        this.selfService = selfService;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Schema(name = "SuggestionViewBody")
    public record ViewBody(
            @NotBlank @Size(max = 100) @Schema(description = "Key of the request type the person was about to submit") String type,
            @NotNull @Size(min = 1, max = 50) @Schema(description = "Ids of the suggestions shown, as "
                    + "improvement-service's GET /api/v1/knowledge/suggestions gave them")
            List<@NotBlank @Size(max = 100) String> suggestionIds) {
    }

    @Schema(name = "SuggestionView")
    public record ViewView(UUID id, String type, List<String> suggestionIds, OffsetDateTime viewedAt,
            @Schema(description = "The first request submitted naming this view, if any") UUID requestId) {

        static ViewView from(SuggestionView v, SelfService selfService) {
            return new ViewView(v.id, v.typeKey, selfService.suggestionIds(v), v.viewedAt, v.requestId);
        }
    }

    @Schema(name = "SuggestionViewCreated")
    public record Created(UUID id) {
    }

    @POST
    @Path("views")
    // Only the roles that submit requests: a view nobody could follow with a submission (an HR role's, the
    // operator's) would count as deflected and skew the report.
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.SERVICE })
    @Operation(operationId = "recordSuggestionView", summary = "Record that the caller saw self-service suggestions", description = "The portal calls this when "
            + "it shows a person suggestions (lessons, best practices) for the request type they are about to submit. "
            + "Pass the returned id as suggestionViewId when they submit after all; a view no submission follows within "
            + "the follow window counts as deflected. Only the roles that submit requests (employee, manager, service) "
            + "record views. Idempotency-Key makes a retry return the first result.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewBody.class),
            examples = @ExampleObject(name = "payroll suggestions", value = Examples.SUGGESTION_VIEW)))
    @APIResponse(responseCode = "201", description = "Recorded; Location is the view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Created.class),
                    examples = @ExampleObject(name = "created", value = "{\"id\":\"0b5c8d7e-1f2a-4b3c-9d4e-5f6a7b8c9d0e\"}")))
    @APIResponse(responseCode = "400", description = "Invalid body (no type, no or too many suggestion ids)",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.VALIDATION)))
    @APIResponse(responseCode = "422", description = "Unknown or inactive request type, or Idempotency-Key reused",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response record(@Valid @NotNull ViewBody body, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/self-service/views", body, () -> {
            SuggestionView view = selfService.record(body.type(), body.suggestionIds());
            return Response.created(URI.create("/api/v1/self-service/views/" + view.id)).entity(new Created(view.id))
                    .build();
        });
    }

    @GET
    @Path("views/{id}")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.SERVICE })
    @Operation(operationId = "getSuggestionView", summary = "Read one of the caller's suggestion views", description = "The "
            + "viewer's own only (employee, manager, service); anyone else's is 404.")
    @APIResponse(responseCode = "200", description = "The view",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ViewView.class)))
    @APIResponse(responseCode = "404", description = "No such view of yours",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ViewView get(@PathParam("id") UUID id) {
        return ViewView.from(selfService.get(id), selfService);
    }

    @GET
    @Path("deflection")
    @RolesAllowed({ Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "getDeflectionReport", summary = "Self-service deflection report", description = "Per request type, over the suggestion views of "
            + "[from, to) (default: the weeks of the last 30 days): views, followedBySubmission (a request named the "
            + "view within followWindow), deflected (no such request and the window has passed), pending (window still "
            + "open) and deflectionShare = deflected ÷ (followedBySubmission + deflected). hr-admin sees every ordinary "
            + "type, an hr-lead their team's, er-specialists the confidential ones. Small numbers are protected as in "
            + "the service-level report: from and to are moved to whole ISO weeks, a type × week with fewer than "
            + "minGroupSize views is left out of every figure, and a type with nothing left is suppressed.")
    @APIResponse(responseCode = "200", description = "Deflection per request type",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = SelfService.Report.class),
                    examples = @ExampleObject(name = "by type", value = Examples.DEFLECTION)))
    @APIResponse(responseCode = "400", description = "Invalid period (not a date, outside the years 1..9999, from not before to)",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "hr-lead, hr-admin and er-specialists only",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public SelfService.Report deflection(
            @QueryParam("from") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String from,
            @QueryParam("to") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String to,
            @QueryParam("type") @Parameter(description = "One request type only") String type) {
        return selfService.deflection(DateParams.dateTime("from", from), DateParams.dateTime("to", to), type);
    }
}
