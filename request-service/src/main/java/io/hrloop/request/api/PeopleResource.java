package io.hrloop.request.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Roles;
import io.hrloop.request.service.ErasureService;

@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "People", description = "Erasure of a person's data")
public class PeopleResource {

    private final ErasureService erasure;

    public PeopleResource(ErasureService erasure) {
        this.erasure = erasure;
    }

    @DELETE
    @Path("{personId}")
    @RolesAllowed(Roles.HR_ADMIN)
    @Operation(operationId = "erasePerson", summary = "Erase a person", description = "Pseudonymises the person wherever this service keeps them "
            + "(requester, on-behalf-of, owner, comment authors, decline and appeal parties, history actors, the staff "
            + "register, which also deactivates them) and redacts free text: everything they wrote (subjects and "
            + "descriptions of requests they filed, comments, decline explanations and alternatives, decision and appeal "
            + "notes, appeal statements, notes of their history entries) and the subject and description of every "
            + "request about them. Stored Idempotency-Key responses that are theirs or name them are deleted, their "
            + "self-service views lose the link to them. Requests, "
            + "comments and history entries stay, so counts survive. Publishes hr.person.erased (topic hr.people) so "
            + "that every service erases the person too. Repeating it changes nothing here and announces the erasure "
            + "again.")
    @APIResponse(responseCode = "200", description = "Erased here; what was touched",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ErasureService.Erasure.class),
                    examples = @ExampleObject(name = "erased", value = """
                            {"personId":"emp-1001","pseudonym":"erased-7f3a9c01d2e4","erasedAt":"2026-11-22T10:00:00Z",
                             "erasedBy":"admin-1","requests":3,"comments":5,"declines":0,"historyEntries":14,
                             "staffEntries":0,"idempotencyRecords":2,"suggestionViews":1}""")))
    @APIResponse(responseCode = "400", description = "Person id too long",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not hr-admin",
            content = @Content(mediaType = Examples.PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ErasureService.Erasure erase(@PathParam("personId") @Size(max = 200) String personId) {
        return erasure.erase(personId);
    }
}
