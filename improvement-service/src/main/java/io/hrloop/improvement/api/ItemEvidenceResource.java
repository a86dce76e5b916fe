package io.hrloop.improvement.api;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.improvement.api.Views.EvidenceView;
import io.hrloop.improvement.service.Access;
import io.hrloop.improvement.service.ItemQueries;
import io.hrloop.improvement.service.VerificationService;

/** What an item rests on: its evidence, and the before/after figures of its area. */
@Path("/api/v1/improvements/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Improvements")
public class ItemEvidenceResource {

    static final String PROBLEM = Problem.MEDIA_TYPE;

    private final ItemQueries items;
    private final VerificationService verification;
    private final Caller caller;

    public ItemEvidenceResource(ItemQueries items, VerificationService verification, Caller caller) {
        this.items = items;
        this.verification = verification;
        this.caller = caller;
    }

    @GET
    @Path("/evidence")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "getImprovementEvidence", summary = "The evidence behind an item", description = "Feedback (scores, themes, excerpt) and breaches. Anonymous feedback never shows a person or request; signed contributors, references and excerpts are shown to HR roles only; the evidence of confidential items to er-specialists only.")
    @APIResponse(responseCode = "200", description = "A page of evidence, newest first")
    @APIResponse(responseCode = "404", description = "No such item, or not visible to the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Page<EvidenceView> evidence(@PathParam("id") UUID id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Access access = ImprovementResource.access(caller);
        return items.evidence(id, access, Cursor.limit(limit, 50, 200), ImprovementResource.blankToNull(cursor))
                .map(e -> EvidenceView.from(e, access));
    }

    @GET
    @Path("/verification")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST,
            Roles.SERVICE })
    @Operation(operationId = "getImprovementVerification", summary = "CSAT and NPS of the item's area before and since implementation", description = "From the feedback this service has seen. Before: the window (default 90 days) before the implementation day; since: from that day on. sufficient tells whether the item may be VERIFIED. A figure resting on fewer answers than minResponses is null (suppressed: true). Callers outside HR read the verdict only.")
    @APIResponse(responseCode = "200", description = "The before/after report")
    @APIResponse(responseCode = "404", description = "No such item, or not visible to the caller", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The item is not implemented", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public VerificationService.Report verification(@PathParam("id") UUID id) {
        Access access = ImprovementResource.access(caller);
        VerificationService.Report report = verification.report(items.find(id, access));
        return access.hrText() ? report : report.verdictOnly();
    }
}
