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
import io.hrloop.improvement.api.Views.KnowledgeView;
import io.hrloop.improvement.domain.LessonKind;
import io.hrloop.improvement.service.KnowledgeService;

/** The lessons learnt, success stories and best practices attached to an item. */
@Path("/api/v1/improvements/{id}/lessons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Improvements")
public class ItemLessonResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;

    public record LessonBody(@NotNull LessonKind kind, @NotBlank @Size(max = 200) @PlainText String title,
            @NotBlank @Size(max = 20000) @PlainText String body) {
    }

    private final KnowledgeService knowledge;
    private final Idempotency idempotency;
    private final Caller caller;

    public ItemLessonResource(KnowledgeService knowledge, Idempotency idempotency, Caller caller) {
        this.knowledge = knowledge;
        this.idempotency = idempotency;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "addImprovementLesson", summary = "Attach a lesson learnt, success story or best practice to an item")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "lesson", value = """
            {"kind":"LESSON","title":"Triage payroll queries daily","body":"A daily triage rota halved the time to a first answer."}""")))
    @APIResponse(responseCode = "201", description = "Created; Location is the knowledge entry")
    @APIResponse(responseCode = "400", description = "Invalid entry", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Response add(@PathParam("id") UUID itemId, @Valid @NotNull LessonBody body,
            @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.execute(key, caller.personId(), "POST /api/v1/improvements/" + itemId + "/lessons", body,
                () -> {
                    KnowledgeService.Entry entry = knowledge.add(itemId, ImprovementResource.access(caller),
                            caller.personId(), body.kind(), body.title(), body.body());
                    return Response.created(URI.create("/api/v1/knowledge/" + entry.lesson().id))
                            .entity(KnowledgeView.from(entry, true)).build();
                });
    }

    @GET
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "listImprovementLessons", summary = "The knowledge attached to one item")
    @APIResponse(responseCode = "200", description = "A page of entries, newest first")
    @APIResponse(responseCode = "404", description = "No such item, or not visible to the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<KnowledgeView> ofItem(@PathParam("id") UUID itemId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return KnowledgeView.page(knowledge.search(null, null, null, itemId, ImprovementResource.access(caller),
                Cursor.limit(limit, 20, 100), ImprovementResource.blankToNull(cursor)), caller.isHr());
    }
}
