package io.hrloop.request.service;

import io.hrloop.request.domain.AppealOutcome;
import io.hrloop.request.domain.RequestDecline;

/**
 * What a status change carries beyond the move itself, into its event: the owner change that assigns a
 * request, the confirmed decline, or the appeal that sends it back to work.
 */
public sealed interface StatusChange {

    StatusChange NONE = new Plain();

    record Plain() implements StatusChange {
    }

    record OwnerChanged(String previousOwner, String reason) implements StatusChange {
    }

    record Declined(RequestDecline decline) implements StatusChange {
    }

    record AppealDecided(AppealOutcome outcome) implements StatusChange {
    }
}
