package io.hrloop.feedback.support;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.hrloop.feedback.domain.Feedback;
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

    /** Makes a piece of feedback (in sight) older by {@code days}: its day moves, and its counts with it. */
    public static void ageFeedback(UUID id, int days) {
        QuarkusTransaction.requiringNew().run(() -> {
            RollupStore rollups = Arc.container().instance(RollupStore.class).get();
            Feedback feedback = Feedback.findById(id);
            rollups.add(Rollups.ofFeedback(feedback).stream().map(d -> new Rollups.Delta(d.key(), d.counts().negated())).toList());
            feedback.receivedOn = feedback.receivedOn.minusDays(days);
            if (feedback.createdAt != null) {
                feedback.createdAt = feedback.createdAt.minusDays(days);
            }
            rollups.add(Rollups.ofFeedback(feedback));
        });
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
