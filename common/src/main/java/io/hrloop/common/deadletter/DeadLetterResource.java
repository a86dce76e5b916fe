package io.hrloop.common.deadletter;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.deadletter.DeadLetter.Direction;
import io.hrloop.common.deadletter.DeadLetter.Status;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;

/** Events this service could not process or publish, for the operator to replay or discard. */
@Path("/api/v1/dead-letters")
@Tag(name = "Dead letters", description = "Parked events: consumed ones this service could not process, and outbox "
        + "events it could not publish (role operator)")
@RolesAllowed(Roles.OPERATOR)
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** Why a dead letter is discarded (kept with it). */
    public record Discard(@NotBlank @Size(max = 1000) String reason) {
    }

    private final DeadLetterService service;
    private final ObjectMapper mapper;
    private final Caller caller;

    public DeadLetterResource(DeadLetterService service, ObjectMapper mapper, Caller caller) {
        this.service = service;
        this.mapper = mapper;
        this.caller = caller;
    }

    @GET
    @Operation(operationId = "listDeadLetters", summary = "Parked events, oldest first")
    public Page<DeadLetterView> list(
            @Parameter(description = "PARKED (default), REPLAYED or DISCARDED") @QueryParam("status") Status status,
            @Parameter(description = "INBOUND or OUTBOUND; both when absent") @QueryParam("direction") Direction direction,
            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        int size = Cursor.limit(limit, 50, 200);
        Cursor after = Cursor.read(cursor, 2);
        return Page.of(service.list(status, direction, after == null ? null : after.time(0),
                after == null ? null : after.text(1), size + 1), size, d -> Cursor.of(d.parkedAt(), d.id()))
                .map(d -> DeadLetterView.from(d, mapper));
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDeadLetter", summary = "One dead letter with its reason and payload")
    @APIResponse(responseCode = "200", description = "The dead letter",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "404", description = "No such dead letter",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterView get(@PathParam("id") String id) {
        return DeadLetterView.from(service.get(id), mapper);
    }

    @POST
    @Path("/{id}/replay")
    @Operation(operationId = "replayDeadLetter", summary = "Replay one: an inbound event goes through the handlers "
            + "(applied once, whatever happened before); an outbox event goes back to the relay, ahead of its aggregate's later events")
    @APIResponse(responseCode = "200", description = "Replayed (or handed back to the relay)")
    @APIResponse(responseCode = "409", description = "It is no longer parked, or it still fails (the reason is updated)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterView replay(@PathParam("id") String id) {
        return DeadLetterView.from(service.replay(id, caller.personId()), mapper);
    }

    @POST
    @Path("/replay")
    @Operation(operationId = "replayAllDeadLetters", summary = "Replay every parked event, oldest first")
    public DeadLetterService.ReplayAll replayAll() {
        return service.replayAll(caller.personId());
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "discardDeadLetter", summary = "Discard one, recording why and by whom")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "discard",
            value = "{\"reason\":\"a test event sent to production by mistake; nothing to recover\"}")))
    @APIResponse(responseCode = "200", description = "Discarded: the dead letter as it is now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DeadLetterView.class)))
    @APIResponse(responseCode = "409", description = "It is no longer parked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeadLetterView discard(@PathParam("id") String id, @Valid @NotNull Discard body) {
        return DeadLetterView.from(service.discard(id, caller.personId(), body.reason()), mapper);
    }
}
