package io.hrloop.feedback.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.InvitationStatus;
import io.hrloop.feedback.domain.SubjectType;
import io.hrloop.feedback.domain.SurveyInvitation;
import io.hrloop.feedback.domain.SurveyTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The invitations a person may still answer, and answering one, once, by its token ({@link SurveyService} issues them). */
@ApplicationScoped
public class SurveyAnswers {

    private final FeedbackRecorder recorder;
    private final Times times;
    private final Counter answered;

    public SurveyAnswers(FeedbackRecorder recorder, Times times, MeterRegistry meters) {
        this.recorder = recorder;
        this.times = times;
        this.answered = Counter.builder("hrloop.surveys.answered").description("Survey invitations answered")
                .register(meters);
    }

    /** The caller's invitations that can still be answered, newest first. */
    public Page<SurveyInvitation> pending(String personId, int limit, String cursor) {
        OffsetDateTime now = times.nowUtc();
        Cursor after = Cursor.read(cursor, 2);
        List<SurveyInvitation> found = after == null
                ? SurveyInvitation.<SurveyInvitation>find("personId = ?1 and status = ?2 and expiresAt > ?3 "
                        + "order by createdAt desc, id desc", personId, InvitationStatus.PENDING, now).page(0, limit + 1).list()
                : SurveyInvitation.<SurveyInvitation>find("personId = ?1 and status = ?2 and expiresAt > ?3 "
                        + "and (createdAt < ?4 or (createdAt = ?4 and id < ?5)) order by createdAt desc, id desc", personId,
                        InvitationStatus.PENDING, now, after.time(0), after.uuid(1)).page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.createdAt, last.id));
    }

    /** An invitation that can be answered; an unknown, withdrawn or expired token is 404, an answered one 409. */
    public SurveyInvitation open(String token) {
        SurveyInvitation invitation = find(token, false).orElseThrow(() -> DomainException.notFound("survey"));
        requireAnswerable(invitation);
        return invitation;
    }

    @Transactional
    public Feedback answer(String token, Integer csat, Integer ces, Integer nps, String comment, Set<Theme> themes) {
        // Locked, so that two concurrent answers cannot both pass the single-use check.
        SurveyInvitation invitation = find(token, true).orElseThrow(() -> DomainException.notFound("survey"));
        requireAnswerable(invitation);
        Feedback feedback = recorder.record(new NewFeedback(FeedbackSource.SURVEY, SubjectType.REQUEST, null,
                invitation.requestId, invitation.reference, invitation.requestType, invitation.team, false, csat, ces, nps,
                comment, themes, false, invitation.personId));
        invitation.status = InvitationStatus.ANSWERED;
        answered.increment();
        invitation.closedAt = times.nowUtc();
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

    private void requireAnswerable(SurveyInvitation invitation) {
        if (invitation.status == InvitationStatus.ANSWERED) {
            throw DomainException.conflict("survey-answered", "this survey has already been answered");
        }
        if (invitation.status == InvitationStatus.WITHDRAWN || invitation.expiredAt(times.nowUtc())) {
            throw DomainException.notFound("survey");
        }
    }
}
