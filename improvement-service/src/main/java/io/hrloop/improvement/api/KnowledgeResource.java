package io.hrloop.improvement.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.idempotency.Idempotency;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.improvement.api.Views.KnowledgeView;
import io.hrloop.improvement.domain.LessonKind;
import io.hrloop.improvement.service.KnowledgeService;

@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Path("/api/v1/knowledge")
@Tag(name = "Knowledge", description = "Lessons learnt, success stories and best practices")
public class KnowledgeResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;

    private final KnowledgeService knowledge;
    private final Idempotency idempotency;
    private final Caller caller;

    public KnowledgeResource(KnowledgeService knowledge, Idempotency idempotency, Caller caller) {
        this.knowledge = knowledge;
        this.idempotency = idempotency;
        this.caller = caller;
    }


    @GET
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "searchKnowledge", summary = "Search lessons learnt, success stories and best practices", description = "q finds entries by words (English stemming; \"phrases\", -exclusions and or are understood) and by meaning (sentence embeddings), ranked by both; newest first without q. Employees and managers read the knowledge of implemented and verified items; HR roles and internal systems all of it, except that of confidential items (er-specialists only); the platform operator none (403).")
    @APIResponse(responseCode = "200", description = "A page of entries")
    @APIResponse(responseCode = "400", description = "Bad kind, limit or cursor", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<KnowledgeView> search(@Parameter(description = "Search text") @QueryParam("q") String q,
            @Parameter(description = "LESSON, SUCCESS_STORY or BEST_PRACTICE") @QueryParam("kind") String kind,
            @QueryParam("area") String area, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return KnowledgeView.page(knowledge.search(query(q), kind(kind), ImprovementResource.area(area), null,
                ImprovementResource.access(caller), Cursor.limit(limit, 20, 100),
                ImprovementResource.blankToNull(cursor)), caller.isHr());
    }

    @GET
    @Path("/suggestions")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "suggestKnowledge", summary = "Knowledge to show a person before they submit a request", description = "What the person is about to ask (q), optionally for one request type (type): the best few lessons learnt and best practices by words and meaning, those of the request type first. Whoever asks (any role but the platform operator), only published knowledge (of implemented and verified items) and never that of confidential items; no author.")
    @APIResponse(responseCode = "200", description = "A page of entries, best first")
    @APIResponse(responseCode = "400", description = "Missing or too long q, bad type or limit", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<KnowledgeView> suggestions(@Parameter(description = "What the person is asking about", required = true) @QueryParam("q") String q,
            @Parameter(description = "A request type key") @QueryParam("type") String type,
            @QueryParam("limit") Integer limit) {
        String text = query(q);
        if (text == null) {
            throw DomainException.invalid("invalid-query", "q is required: what the person is asking about");
        }
        // the best few, not a list to page through; shown to the person about to submit: no author
        return new Page<>(knowledge.suggest(text, ImprovementResource.area(type), Cursor.limit(limit, 5, 20)).stream()
                .map(e -> KnowledgeView.from(e, false)).toList(), null);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "getKnowledgeEntry", summary = "Read one knowledge entry")
    @APIResponse(responseCode = "200", description = "The entry")
    @APIResponse(responseCode = "404", description = "No such entry, or not visible to the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public KnowledgeView get(@PathParam("id") UUID id) {
        return KnowledgeView.from(knowledge.get(id, ImprovementResource.access(caller)), caller.isHr());
    }

    private static String query(String q) {
        String text = ImprovementResource.blankToNull(q);
        if (text != null && (text.length() > 500 || !PlainText.Validator.isPlain(text))) {
            throw DomainException.invalid("invalid-query", "q must be at most 500 characters of plain text");
        }
        return text;
    }

    private static LessonKind kind(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LessonKind.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid("invalid-kind", "kind must be LESSON, SUCCESS_STORY or BEST_PRACTICE");
        }
    }
}
