package io.hrloop.improvement.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.improvement.api.Views.HistoryView;
import io.hrloop.improvement.service.ItemQueries;

/** The audit of an item's moves: who, when, why, and the overrides of verification. */
@Path("/api/v1/improvements/{id}/history")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Improvements")
public class ItemHistoryResource {

    private final ItemQueries items;
    private final Caller caller;

    public ItemHistoryResource(ItemQueries items, Caller caller) {
        this.items = items;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "getImprovementHistory", summary = "An item's status changes, oldest first", description = "Each with its actor, reason, and "
            + "for VERIFIED the verdict of verification and whether a lead overrode it.")
    @APIResponse(responseCode = "200", description = "The moves, oldest first")
    @APIResponse(responseCode = "404", description = "No such item", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<HistoryView> history(@PathParam("id") UUID id) {
        return items.history(id, ImprovementResource.access(caller)).stream().map(HistoryView::from).toList();
    }
}
