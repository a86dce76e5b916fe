package io.hrloop.feedback.api;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.hrloop.common.security.Caller;
import io.hrloop.feedback.service.Contacts;
import io.quarkus.logging.Log;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * Every authenticated call tells {@link Contacts} the caller's address, language, team and HR roles from their
 * token (written at most once an hour per person). Never on {@code POST /api/v1/feedback}: a call there may be
 * anonymous feedback, and nothing may note who called at that moment (the resource notes signed authors itself).
 */
public class ContactSightings {

    private final Caller caller;
    private final Contacts contacts;

    public ContactSightings(Caller caller, Contacts contacts) {
        this.caller = caller;
        this.contacts = contacts;
    }

    @ServerRequestFilter
    public void sight(ContainerRequestContext request) {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || ("POST".equals(request.getMethod()) && path.startsWith("/api/v1/feedback"))) {
            return;
        }
        sightCaller(caller, contacts);
    }

    /** Notes the caller, when there is one. */
    static void sightCaller(Caller caller, Contacts contacts) {
        String person;
        try {
            person = caller.personId();
        } catch (RuntimeException e) {
            Log.debugf("No contact sighting: the caller is not authenticated (%s)", e.getClass().getSimpleName());
            return;
        }
        if (person != null && !person.isBlank() && person.length() <= 200) {
            contacts.sighted(person, caller.mailAddress(), caller.locale(), caller.team(), caller.roles(),
                    caller.issuedAt());
        }
    }
}
