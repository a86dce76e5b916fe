package io.hrloop.feedback.api;

import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import io.hrloop.common.contract.Theme;
import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.ImprovementStory;
import io.hrloop.feedback.domain.Notification;
import io.hrloop.feedback.service.LoopService;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "You said, we did", description = "Implemented improvements told back to the people who asked for them")
public class LoopResource {

    private final LoopService loop;
    private final Caller caller;

    public LoopResource(LoopService loop, Caller caller) {
        this.loop = loop;
        this.caller = caller;
    }

    @Schema(name = "Improvement", description = "An implemented improvement; how much feedback led to it, never who gave it")
    public record StoryView(UUID improvementId, String title, String summary, String area, Set<Theme> themes,
            int feedbackCount, OffsetDateTime implementedAt) {
        static StoryView from(ImprovementStory s) {
            return new StoryView(s.improvementId, s.title, s.summary, s.area, Feedback.parse(s.themes), s.feedbackCount,
                    s.implementedAt);
        }
    }

    @Schema(name = "Notification")
    public record NotificationView(UUID id, StoryView improvement,
            @Schema(description = "How many of your pieces of feedback led to it") int yourFeedback,
            OffsetDateTime createdAt, OffsetDateTime readAt) {
        static NotificationView from(Notification n) {
            ImprovementStory story = ImprovementStory.findById(n.improvementId);
            return new NotificationView(n.id, story == null ? null : StoryView.from(story), n.yourFeedback, n.createdAt, n.readAt);
        }
    }

    @GET
    @Path("/notifications")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "listNotifications", summary = "The caller's notifications", description = "One per improvement the caller's signed feedback led to, newest first.")
    @APIResponse(responseCode = "200", description = "A page of notifications")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<NotificationView> notifications(@Parameter(description = "1 to 100, default 20") @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return loop.notifications(caller.personId(), Cursor.limit(limit, 20, 100), cursor).map(NotificationView::from);
    }

    @POST
    @Path("/notifications/{id}/read")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "markNotificationRead", summary = "Mark one of the caller's notifications read")
    @APIResponse(responseCode = "200", description = "Read")
    @APIResponse(responseCode = "404", description = "Unknown or someone else's", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public NotificationView markRead(@PathParam("id") UUID id) {
        return NotificationView.from(loop.markRead(caller.personId(), id));
    }

    @GET
    @Path("/you-said-we-did")
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST, Roles.SERVICE })
    @Operation(operationId = "listYouSaidWeDid", summary = "The public \"you said, we did\" feed", description = "Implemented improvements, newest first, for everyone (anonymous contributors included).")
    @APIResponse(responseCode = "200", description = "A page of improvements")
    @APIResponse(responseCode = "400", description = "Invalid limit or cursor", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<StoryView> feed(@Parameter(description = "1 to 100, default 20") @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        return loop.feed(Cursor.limit(limit, 20, 100), cursor).map(StoryView::from);
    }
}
