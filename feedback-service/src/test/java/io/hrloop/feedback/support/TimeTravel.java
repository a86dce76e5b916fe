package io.hrloop.feedback.support;

import java.time.Duration;
import java.util.List;

import io.hrloop.feedback.domain.InvitationStatus;
import io.hrloop.feedback.domain.Rollups;
import io.hrloop.feedback.domain.SurveyInvitation;
import io.hrloop.feedback.service.RollupStore;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a person's invitations older, as if issued {@code days} earlier: their times move, and so does
 * their count in the insight rollups, so that every stored trace agrees as it would have.
 */
public final class TimeTravel {

    private TimeTravel() {
    }

    public static void ageInvitations(String personId, int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            RollupStore rollups = Arc.container().instance(RollupStore.class).get();
            List<SurveyInvitation> invitations = SurveyInvitation.list("personId", personId);
            for (SurveyInvitation invitation : invitations) {
                if (invitation.status != InvitationStatus.WITHDRAWN) {
                    rollups.add(Rollups.deltas(invitation.createdAt.toLocalDate(), invitation.requestType, invitation.team,
                            false, Rollups.ofInvitation(-1)));
                }
                invitation.createdAt = invitation.createdAt.minus(Duration.ofDays(days));
                invitation.expiresAt = invitation.expiresAt.minus(Duration.ofDays(days));
                if (invitation.status != InvitationStatus.WITHDRAWN) {
                    rollups.add(Rollups.deltas(invitation.createdAt.toLocalDate(), invitation.requestType, invitation.team,
                            false, Rollups.ofInvitation(1)));
                }
            }
        });
    }
}
