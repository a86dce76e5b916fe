package io.hrloop.feedback.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursors;
import io.hrloop.common.problem.ProblemException;
import io.hrloop.feedback.config.FeedbackConfig;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.InvitationStatus;
import io.hrloop.feedback.domain.Rollups;
import io.hrloop.feedback.domain.Sampling;
import io.hrloop.feedback.domain.SubjectType;
import io.hrloop.feedback.domain.SurveyInvitation;
import io.hrloop.feedback.domain.SurveyTokens;
import io.hrloop.feedback.domain.Theme;
import io.quarkus.logging.Log;

/** Survey invitations: issued on resolution (sampled, throttled), withdrawn on reopen, answered once by token. */
@ApplicationScoped
public class SurveyService {

    private final EntityManager entityManager;
    private final FeedbackConfig config;
    private final FeedbackRecorder recorder;
    private final RollupStore rollups;

    public SurveyService(EntityManager entityManager, FeedbackConfig config, FeedbackRecorder recorder, RollupStore rollups) {
        this.entityManager = entityManager;
        this.config = config;
        this.recorder = recorder;
        this.rollups = rollups;
    }

    /** What a resolved request tells us; the requester is null for confidential requests. */
    public record Resolution(UUID requestId, String reference, String subject, String requestType, String team,
            boolean confidential, String requester, double samplingRate) {
    }

    public enum Decision {
        INVITED, NO_REQUESTER, NOT_SAMPLED, ALREADY_INVITED, THROTTLED
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Decision onResolved(Resolution resolution) {
        if (resolution.requester() == null || resolution.confidential()) {
            return Decision.NO_REQUESTER;
        }
        if (!Sampling.sampled(resolution.requestId(), resolution.samplingRate())) {
            return Decision.NOT_SAMPLED;
        }
        // One decision per person at a time, across replicas: the throttle check and the insert are atomic.
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "survey-invitation:" + resolution.requester()).getSingleResult();
        if (SurveyInvitation.count("requestId = ?1 and status = ?2", resolution.requestId(), InvitationStatus.PENDING) > 0) {
            return Decision.ALREADY_INVITED;
        }
        OffsetDateTime now = Clock.now();
        long recent = SurveyInvitation.count("personId = ?1 and status <> ?2 and createdAt > ?3", resolution.requester(),
                InvitationStatus.WITHDRAWN, now.minus(config.survey().throttlePeriod()));
        if (recent > 0) {
            Log.debugf("Request %s resolved; requester already invited within the throttle period", resolution.reference());
            return Decision.THROTTLED;
        }
        SurveyInvitation invitation = new SurveyInvitation();
        invitation.id = UUID.randomUUID();
        invitation.token = SurveyTokens.next();
        invitation.requestId = resolution.requestId();
        invitation.reference = resolution.reference();
        invitation.subject = resolution.subject();
        invitation.requestType = resolution.requestType();
        invitation.team = resolution.team();
        invitation.personId = resolution.requester();
        invitation.status = InvitationStatus.PENDING;
        invitation.createdAt = now;
        invitation.expiresAt = now.plus(config.survey().expiry());
        invitation.persist();
        countInvitation(invitation, 1);
        return Decision.INVITED;
    }

    /** A reopened request is not finished: its open invitation is withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReopened(UUID requestId) {
        List<SurveyInvitation> open = SurveyInvitation.list("requestId = ?1 and status = ?2", requestId, InvitationStatus.PENDING);
        for (SurveyInvitation invitation : open) {
            invitation.status = InvitationStatus.WITHDRAWN;
            invitation.closedAt = Clock.now();
            countInvitation(invitation, -1);
        }
    }

    /** An invitation counts towards the response rate of its day, week and month; a withdrawn one no longer. */
    private void countInvitation(SurveyInvitation invitation, int change) {
        rollups.add(Rollups.deltas(invitation.createdAt.toLocalDate(), invitation.requestType, invitation.team, false,
                Rollups.ofInvitation(change)));
    }

    /** The caller's invitations that can still be answered, newest first. */
    public List<SurveyInvitation> pending(String personId, int limit, String cursor) {
        OffsetDateTime now = Clock.now();
        if (cursor == null) {
            return SurveyInvitation.find("personId = ?1 and status = ?2 and expiresAt > ?3 order by createdAt desc, id desc",
                    personId, InvitationStatus.PENDING, now).page(0, limit).list();
        }
        String[] parts = Cursors.decode(cursor, 2);
        OffsetDateTime after;
        UUID afterId;
        try {
            after = OffsetDateTime.parse(parts[0]);
            afterId = UUID.fromString(parts[1]);
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("invalid-cursor", "the cursor is not one this service issued");
        }
        return SurveyInvitation.find("personId = ?1 and status = ?2 and expiresAt > ?3 and (createdAt < ?4 or (createdAt = ?4 and id < ?5)) "
                + "order by createdAt desc, id desc", personId, InvitationStatus.PENDING, now, after, afterId)
                .page(0, limit).list();
    }

    /** An invitation that can be answered; an unknown, withdrawn or expired token is 404, an answered one 409. */
    public SurveyInvitation open(String token) {
        SurveyInvitation invitation = find(token, false).orElseThrow(() -> ProblemException.notFound("survey"));
        requireAnswerable(invitation);
        return invitation;
    }

    @Transactional
    public Feedback answer(String token, Integer csat, Integer ces, Integer nps, String comment, Set<Theme> themes) {
        // Locked, so that two concurrent answers cannot both pass the single-use check.
        SurveyInvitation invitation = find(token, true).orElseThrow(() -> ProblemException.notFound("survey"));
        requireAnswerable(invitation);
        Feedback feedback = recorder.record(new NewFeedback(FeedbackSource.SURVEY, SubjectType.REQUEST, null,
                invitation.requestId, invitation.reference, invitation.requestType, invitation.team, false, csat, ces, nps,
                comment, themes, false, invitation.personId));
        invitation.status = InvitationStatus.ANSWERED;
        invitation.closedAt = Clock.now();
        invitation.feedbackId = feedback.id;
        return feedback;
    }

    private Optional<SurveyInvitation> find(String token, boolean lock) {
        if (!SurveyTokens.wellFormed(token)) {
            return Optional.empty();
        }
        var query = SurveyInvitation.find("token", token);
        if (lock) {
            query = query.withLock(LockModeType.PESSIMISTIC_WRITE);
        }
        return query.firstResultOptional();
    }

    private static void requireAnswerable(SurveyInvitation invitation) {
        if (invitation.status == InvitationStatus.ANSWERED) {
            throw ProblemException.conflict("survey-answered", "this survey has already been answered");
        }
        if (invitation.status == InvitationStatus.WITHDRAWN || invitation.expiredAt(Clock.now())) {
            throw ProblemException.notFound("survey");
        }
    }
}
