package io.hrloop.request.api;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.hrloop.common.security.Caller;
import io.hrloop.request.service.StaffRegister;
import io.quarkus.logging.Log;
import io.quarkus.runtime.BlockingOperationControl;

/**
 * Every call tells the staff register who is calling with which HR roles, team and address (the register writes at
 * most once an hour per person, or when those change). Runs on the worker thread of the (blocking) resource
 * method, after the token is verified; a call without a valid token is left to the security checks.
 */
public class StaffSightings {

    private final Caller caller;
    private final StaffRegister staff;

    public StaffSightings(Caller caller, StaffRegister staff) {
        this.caller = caller;
        this.staff = staff;
    }

    @ServerRequestFilter
    public void sight() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            return;
        }
        String person;
        try {
            person = caller.personId();
        } catch (RuntimeException e) {
            Log.debugf("No staff sighting: the caller is not authenticated (%s)", e.getClass().getSimpleName());
            return;
        }
        if (person != null && !person.isBlank() && person.length() <= 200) {
            staff.sighted(person, caller.roles(), caller.team(), caller.mailAddress(), caller.locale(),
                    caller.issuedAt());
        }
    }
}
