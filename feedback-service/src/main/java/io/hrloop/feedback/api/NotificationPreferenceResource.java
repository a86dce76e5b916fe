package io.hrloop.feedback.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.hrloop.common.problem.Problem;
import io.hrloop.common.security.Caller;
import io.hrloop.common.security.Roles;
import io.hrloop.feedback.domain.MailPreference;
import io.hrloop.feedback.domain.PersonContact;
import io.hrloop.feedback.service.Contacts;

@Path("/api/v1/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notification preferences", description = "Which mail the caller takes")
public class NotificationPreferenceResource {

    private final Contacts contacts;
    private final Caller caller;

    public NotificationPreferenceResource(Contacts contacts, Caller caller) {
        this.contacts = contacts;
        this.caller = caller;
    }

    @Schema(name = "NotificationPreferences")
    public record Preferences(
            @Schema(description = "ALL, or ESSENTIAL_ONLY: no survey invitations and no \"you said, we did\" by mail. "
                    + "Essential mail (decline decisions, follow-up assignments, service-level alerts) always goes.",
                    required = true, examples = "ESSENTIAL_ONLY") MailPreference mail,
            @Schema(description = "Where mail goes (from the caller's token); null when no address is known",
                    readOnly = true, examples = "employee@hrloop.local") String address) {

        static Preferences from(PersonContact contact, String tokenAddress) {
            return new Preferences(contact == null ? MailPreference.ALL : contact.mail,
                    contact != null && contact.email != null ? contact.email : tokenAddress);
        }
    }

    @Schema(name = "NotificationPreferencesUpdate")
    public record Update(@Schema(description = "ALL or ESSENTIAL_ONLY", required = true) @NotNull MailPreference mail) {
    }

    @GET
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "getNotificationPreferences", summary = "The caller's mail preference", description = "ALL (the default) or ESSENTIAL_ONLY, and the "
            + "address mail goes to. The ETag is the version to send back in If-Match.")
    @APIResponse(responseCode = "200", description = "The preference", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preferences.class),
            examples = @ExampleObject(name = "preferences", value = "{\"mail\": \"ALL\", \"address\": \"employee@hrloop.local\"}")))
    @APIResponse(responseCode = "403", description = "Not a person (e.g. an integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get() {
        PersonContact contact = contacts.find(caller.personId());
        Response.ResponseBuilder response = Response.ok(Preferences.from(contact, caller.mailAddress()));
        return (contact == null ? response : response.tag(String.valueOf(contact.version))).build();
    }

    @PUT
    @RolesAllowed({ Roles.EMPLOYEE, Roles.MANAGER, Roles.HR_AGENT, Roles.HR_LEAD, Roles.HR_ADMIN, Roles.ER_SPECIALIST })
    @Operation(operationId = "replaceNotificationPreferences", summary = "Set the caller's mail preference", description = "ESSENTIAL_ONLY stops survey invitations "
            + "and \"you said, we did\" by mail (they stay in GET /api/v1/surveys and GET /api/v1/notifications). "
            + "Replaces the preference: once one is in place (the person's first call may have made it), If-Match with "
            + "the ETag of GET is needed (428 without it), so no update is lost.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Update.class),
            examples = { @ExampleObject(name = "essential only", value = "{\"mail\": \"ESSENTIAL_ONLY\"}"),
                    @ExampleObject(name = "all", value = "{\"mail\": \"ALL\"}") }))
    @APIResponse(responseCode = "200", description = "The preference as stored; ETag is its version", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Preferences.class)))
    @APIResponse(responseCode = "400", description = "Missing or unknown mail value", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not a person (e.g. an integration)", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match names an older version", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@Valid @NotNull Update body, @HeaderParam("If-Match") String ifMatch) {
        PersonContact contact = contacts.prefer(caller.personId(), body.mail(), ifMatch, caller.mailAddress(),
                caller.locale());
        return Response.ok(Preferences.from(contact, caller.mailAddress())).tag(String.valueOf(contact.version)).build();
    }
}
