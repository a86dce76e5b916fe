package io.hrloop.request.api;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.request.domain.AuditEntry;
import io.hrloop.request.domain.RequestComment;
import io.hrloop.request.domain.Visibility;
import io.hrloop.request.service.WorkflowService;
import io.quarkus.security.Authenticated;

@Path("/api/v1/requests/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Authenticated
@Tag(name = "Conversation and history", description = "Comments and the audit history of a request")
public class ConversationResource {

    private final WorkflowService workflow;
    private final Idempotency idempotency;
    private final Caller caller;

    public ConversationResource(WorkflowService workflow, Idempotency idempotency, Caller caller) {
        this.workflow = workflow;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @Schema(name = "CommentBody")
    public record CommentBody(@NotBlank @Size(max = 10000) String body,
            @NotNull @Schema(description = "PUBLIC (the requester sees it) or INTERNAL (HR only)") Visibility visibility) {
    }

    @Schema(name = "Comment")
    public record CommentView(UUID id, UUID requestId, String author, String body, Visibility visibility,
            OffsetDateTime createdAt) {
        static CommentView from(RequestComment c) {
            return new CommentView(c.id, c.requestId, c.author, c.body, c.visibility, c.createdAt);
        }
    }

    @Schema(name = "HistoryEntry", description = "One change: who, when, which field, before and after")
    public record HistoryView(long id, OffsetDateTime at, String actor, String field, String before, String after,
            String note) {
        static HistoryView from(AuditEntry e) {
            return new HistoryView(e.id, e.at, e.actor, e.field, e.before, e.after, e.note);
        }
    }

    @POST
    @Path("comments")
    @Operation(operationId = "addRequestComment", summary = "Comment on a request", description = "HR writes PUBLIC or INTERNAL comments; the requester "
            + "writes PUBLIC ones and never sees INTERNAL ones. HR's first PUBLIC comment is the first response; the "
            + "requester's reply to a request WAITING_ON_CUSTOMER puts it back IN_PROGRESS. Idempotency-Key makes a "
            + "retry return the first result.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentBody.class),
            examples = @ExampleObject(name = "public", value = Examples.COMMENT)))
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentView.class)))
    @APIResponse(responseCode = "400", description = "Empty body or unknown visibility",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "An INTERNAL comment by someone who is not HR for this request",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The request is closed",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull CommentBody body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/requests/" + id + "/comments", body, () -> {
            RequestComment c = workflow.comment(id, body.body(), body.visibility());
            return Response.created(URI.create("/api/v1/requests/" + id + "/comments#" + c.id))
                    .entity(CommentView.from(c)).build();
        });
    }

    @GET
    @Path("comments")
    @Operation(operationId = "listRequestComments", summary = "The conversation of a request", description = "Oldest first; the requester gets PUBLIC "
            + "comments only.")
    @APIResponse(responseCode = "200", description = "A page of comments")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<CommentView> comments(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return workflow.comments(id, cursor, Cursor.limit(limit, 50, 200)).map(CommentView::from);
    }

    @GET
    @Path("history")
    @Operation(operationId = "getRequestHistory", summary = "The audit history of a request", description = "Every change in order, append-only: "
            + "actor, time, field, before and after. The requester does not see internal entries (internal "
            + "comments, decline deliberation).")
    @APIResponse(responseCode = "200", description = "A page of history entries")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such request visible to you",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<HistoryView> history(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return workflow.history(id, cursor, Cursor.limit(limit, 100, 500)).map(HistoryView::from);
    }
}
