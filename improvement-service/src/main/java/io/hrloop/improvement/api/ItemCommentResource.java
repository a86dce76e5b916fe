package io.hrloop.improvement.api;

import java.net.URI;
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
import io.hrloop.common.security.Roles;
import io.hrloop.improvement.api.Views.CommentView;
import io.hrloop.improvement.service.ItemComments;

/** HR's discussion of an item. */
@Path("/api/v1/improvements/{id}/comments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Improvements")
public class ItemCommentResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;

    public record CommentBody(@NotBlank @Size(max = 10000) @PlainText String body) {
    }

    private final ItemComments comments;
    private final Idempotency idempotency;
    private final Caller caller;

    public ItemCommentResource(ItemComments comments, Idempotency idempotency, Caller caller) {
        this.comments = comments;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "listImprovementComments", summary = "HR's discussion of an item")
    @APIResponse(responseCode = "200", description = "A page of comments, oldest first")
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<CommentView> comments(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return comments.list(id, ImprovementResource.access(caller), Cursor.limit(limit, 50, 200),
                ImprovementResource.blankToNull(cursor))
                .map(CommentView::from);
    }

    @GET
    @Path("/{commentId}")
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "getImprovementComment", summary = "Read one comment")
    @APIResponse(responseCode = "200", description = "The comment")
    @APIResponse(responseCode = "404", description = "No such item or comment", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public CommentView comment(@PathParam("id") UUID id, @PathParam("commentId") UUID commentId) {
        return CommentView.from(comments.get(id, ImprovementResource.access(caller), commentId));
    }

    @POST
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "addImprovementComment", summary = "Comment on an item")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "comment", value = "{\"body\":\"Payroll says a triage rota would fix most of it.\"}")))
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Empty comment", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response comment(@PathParam("id") UUID id, @Valid @NotNull CommentBody body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/improvements/" + id + "/comments", body, () -> {
            var comment = comments.add(id, ImprovementResource.access(caller), caller.personId(), body.body());
            return Response.created(URI.create("/api/v1/improvements/" + id + "/comments/" + comment.id))
                    .entity(CommentView.from(comment)).build();
        });
    }
}
