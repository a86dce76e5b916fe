package io.hrloop.request.api;

import java.net.URI;
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
import jakarta.ws.rs.PATCH;
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

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.DateParams;
import io.hrloop.common.api.Page;
import io.hrloop.common.api.QueryParams;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.request.domain.Channel;
import io.hrloop.request.domain.HrRequest;
import io.hrloop.request.domain.Priority;
import io.hrloop.request.domain.RequestStatus;
import io.hrloop.request.service.RequestService;
import io.hrloop.request.service.RetriageService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/requests")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Requests", description = "Submitting, reading and listing HR requests")
public class RequestResource {

    private final RequestService requests;
    private final RetriageService retriage;
    private final RequestViews views;
    private final Idempotency idempotency;
    private final Caller caller;

    public RequestResource(RequestService requests, RetriageService retriage, RequestViews views,
            Idempotency idempotency, Caller caller) {
        this.requests = requests;
        this.retriage = retriage;
        this.views = views;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Schema(name = "SubmitRequest")
    public record SubmitRequest(
            @NotBlank @Size(max = 100) @Schema(description = "Key of the request type") String type,
            @NotBlank @Size(max = 200) String subject,
            @NotNull @Size(max = 10000) String description,
            @Schema(description = "Default: the type's default priority") Priority priority,
            @Size(max = 200) @Schema(description = "Managers (and integrations): the person the request is for") String onBehalfOf,
            @Schema(description = "Default PORTAL, or API for integrations") Channel channel,
            @Size(max = 200) @Schema(description = "Integrations (service role) only: the requester") String requester,
            @Schema(description = "The caller's own record of the self-service suggestions they saw before submitting "
                    + "(POST /api/v1/self-service/views); unknown or someone else's is 422") UUID suggestionViewId,
            @Size(max = 320) @Schema(description = "Integrations (service role) only: the requester's mail address, for "
                    + "the decline decision and the survey invitation (others' addresses come from their token)",
                    examples = "employee@hrloop.local") String requesterEmail) {
    }

    @Schema(name = "Retriage")
    public record RetriageBody(
            @Size(max = 100) @Schema(description = "Key of the new request type; the team follows it") String type,
            @Schema(description = "The new priority") Priority priority,
            @NotBlank @Size(max = 2000) @Schema(description = "Why; kept in the history, which the requester sees") String reason) {
    }

    @POST
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.SERVICE })
    @Operation(operationId = "submitRequest", summary = "Submit a request", description = "An employee submits for themself, a manager may name "
            + "onBehalfOf, an integration (service role) names the requester. Due times are computed at once in "
            + "business minutes of the type's calendar. suggestionViewId links the submission to the self-service "
            + "suggestions the caller saw before (deflection report). Idempotency-Key makes a retry return the first "
            + "result. The requester's mail address comes from their token (email claim); an integration filing for "
            + "someone may name it in requesterEmail.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmitRequest.class),
            examples = { @ExampleObject(name = "employee", value = Examples.SUBMIT),
                    @ExampleObject(name = "manager on behalf", value = Examples.SUBMIT_ON_BEHALF),
                    @ExampleObject(name = "integration", value = Examples.SUBMIT_SERVICE) }))
    @APIResponse(responseCode = "201", description = "Submitted; Location and ETag are set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class),
                    examples = @ExampleObject(name = "request", value = Examples.REQUEST)))
    @APIResponse(responseCode = "400", description = "Invalid body",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.VALIDATION)))
    @APIResponse(responseCode = "403", description = "onBehalfOf without the manager role, or requester without the service role",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown or inactive request type, suggestionViewId unknown or not "
            + "the caller's, or Idempotency-Key reused",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response submit(@Valid @NotNull SubmitRequest body, @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.executeCreating(key, caller.personId(), "POST /api/v1/requests", body, () -> {
            HrRequest created = requests.submit(new RequestService.Submission(body.type(), body.subject(),
                    body.description(), body.priority(), body.onBehalfOf(), body.channel(), body.requester(),
                    body.suggestionViewId(), body.requesterEmail()));
            return Response.created(URI.create("/api/v1/requests/" + created.id)).tag(String.valueOf(created.version))
                    .entity(views.of(created)).build();
        });
    }

    @GET
    @Path("{id}")
    @Authenticated
    @Operation(operationId = "getRequest", summary = "Read a request", description = "Requesters see their own and on-behalf-of requests; "
            + "confidential cases only their requester and er-specialists. Anything else is 404.")
    @APIResponse(responseCode = "200", description = "The request, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class),
                    examples = @ExampleObject(name = "request", value = Examples.REQUEST)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "not found", value = Examples.NOT_FOUND)))
    public Response get(@PathParam("id") UUID id) {
        HrRequest r = requests.get(id);
        return Response.ok(views.of(r)).tag(String.valueOf(r.version)).build();
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.ER_SPECIALIST })
    @Operation(operationId = "retriageRequest", summary = "Re-triage a request (type, priority)", description = "An hr-agent or hr-lead of the request's "
            + "team (an er-specialist for a confidential case) corrects the type, the priority or both of an open "
            + "request, with a reason. The team and confidentiality follow the type; an owner the staff register does "
            + "not allow in the new team is cleared (the request waits in the new team's queue in its status). The "
            + "targets become the new type's for the new priority, on its calendar, counted against the business time "
            + "already used (time waiting on the customer excluded): a target already used up is breached at once. A "
            + "decided target keeps its verdict. Audited (type, priority, team, owner, targets, due times) and "
            + "announced as hr.request.retriaged (no reason for a confidential case). Moving a case into or out of "
            + "employee relations moves who may see it: the caller may lose sight of it. Send If-Match; a stale "
            + "version is 412.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetriageBody.class),
            examples = @ExampleObject(name = "wrong queue", value = Examples.RETRIAGE)))
    @APIResponse(responseCode = "200", description = "The request as re-triaged, with its ETag",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RequestView.class)))
    @APIResponse(responseCode = "400", description = "No reason, or neither type nor priority",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "validation", value = Examples.VALIDATION)))
    @APIResponse(responseCode = "403", description = "Not an agent or lead of the request's team (er-specialist for a "
            + "confidential case), or the caller's own request",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The request is no longer open (resolved, closed, declined, withdrawn)",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match does not match the current version",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "stale", value = Examples.STALE)))
    @APIResponse(responseCode = "422", description = "Unknown or inactive request type",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response retriage(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RetriageBody body) {
        HrRequest r = retriage.retriage(id, ifMatch, body.type(), body.priority(), body.reason());
        return Response.ok(views.of(r)).tag(String.valueOf(r.version)).build();
    }

    @GET
    @Authenticated
    @Operation(operationId = "listRequests", summary = "List requests", description = "Only requests visible to the caller, in lists as in reads. "
            + "owner and requester accept 'me'; owner=none is the unassigned queue. Cursor pagination: pass next back "
            + "with the same filters and sort.")
    @APIResponse(responseCode = "200", description = "A page of requests")
    @APIResponse(responseCode = "400", description = "Invalid filter, sort, limit or cursor",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<RequestView> list(
            @QueryParam("status") @Parameter(description = "One or more statuses, comma-separated") List<String> status,
            @QueryParam("type") String type,
            @QueryParam("owner") @Parameter(description = "A person id, 'me' or 'none'") String owner,
            @QueryParam("team") String team,
            @QueryParam("requester") @Parameter(description = "A person id or 'me'; matches on-behalf-of too") String requester,
            @QueryParam("breached") Boolean breached,
            @QueryParam("q") @Parameter(description = "Text in subject, description or reference") String q,
            @QueryParam("createdFrom") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String createdFrom,
            @QueryParam("createdTo") @Parameter(schema = @Schema(type = SchemaType.STRING, format = "date-time")) String createdTo,
            @QueryParam("sort") @Parameter(schema = @Schema(enumeration = { "createdAt", "-createdAt", "updatedAt",
                    "-updatedAt", "firstResponseDue", "-firstResponseDue", "resolutionDue", "-resolutionDue" }),
                    description = "Default -createdAt (newest first)") String sort,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 20, 100);
        RequestService.Filters filters = new RequestService.Filters(QueryParams.enums(RequestStatus.class, "status", status), type, owner, team, requester,
                breached, q, DateParams.dateTime("createdFrom", createdFrom), DateParams.dateTime("createdTo", createdTo), sort);
        Page<HrRequest> page = requests.list(filters, cursor, size);
        return new Page<>(views.of(page.items()), page.next());
    }
}
