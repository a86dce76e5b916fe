package io.hrloop.feedback.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.ETags;
import io.hrloop.common.api.Page;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.config.FeedbackConfig;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.FollowUp;
import io.hrloop.feedback.domain.FollowUpOutcome;
import io.hrloop.feedback.domain.FollowUpStatus;

/** The inner loop: a poor survey answer becomes a follow-up the team lead claims and closes. */
@ApplicationScoped
public class FollowUpService {

    private final FeedbackConfig config;
    private final Outbox outbox;
    private final Times times;
    private final FeedbackMail mail;

    public FollowUpService(FeedbackConfig config, Outbox outbox, Times times, FeedbackMail mail) {
        this.mail = mail;
        this.times = times;
        this.config = config;
        this.outbox = outbox;
    }

    /** Opens a follow-up when a survey answer is poor; publishes hr.feedback.follow-up-opened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void consider(Feedback feedback) {
        if (feedback.source != FeedbackSource.SURVEY
                || !FollowUp.calledFor(feedback.csat, feedback.nps, config.recovery().csatAtMost(), config.recovery().npsAtMost())) {
            return;
        }
        FollowUp followUp = new FollowUp();
        followUp.id = UUID.randomUUID();
        followUp.feedbackId = feedback.id;
        followUp.requestId = feedback.requestId;
        followUp.reference = feedback.reference;
        followUp.requestType = feedback.requestType;
        followUp.team = feedback.team;
        followUp.personId = feedback.author;
        followUp.csat = feedback.csat;
        followUp.nps = feedback.nps;
        followUp.confidential = feedback.confidential;
        followUp.status = FollowUpStatus.OPEN;
        followUp.createdAt = times.nowUtc();
        followUp.persist();
        outbox.publish(FeedbackEvents.followUpOpened(followUp, feedback.confidential));
        mail.followUpOpened(followUp);
    }

    /**
     * Who is asking: hr-admin sees every team, other HR roles their own team; follow-ups about a confidential
     * request only employee-relations specialists.
     */
    public record Viewer(String personId, String team, boolean allTeams, boolean seesConfidential) {
        boolean sees(FollowUp followUp) {
            return (allTeams || team != null && team.equals(followUp.team)) && (seesConfidential || !followUp.confidential);
        }
    }

    public Page<FollowUp> list(Viewer viewer, String team, FollowUpStatus status, int limit, String cursor) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!viewer.allTeams()) {
            if (viewer.team() == null) {
                return new Page<>(List.of(), null);
            }
            where.append(" and team = :myTeam");
            params.put("myTeam", viewer.team());
        }
        if (!viewer.seesConfidential()) {
            where.append(" and confidential = false");
        }
        if (team != null) {
            where.append(" and team = :team");
            params.put("team", team);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status);
        }
        Cursor after = Cursor.read(cursor, 2);
        if (after != null) {
            params.put("afterTime", after.time(0));
            params.put("afterId", after.uuid(1));
            where.append(" and (createdAt < :afterTime or (createdAt = :afterTime and id < :afterId))");
        }
        List<FollowUp> found = FollowUp.<FollowUp>find(where + " order by createdAt desc, id desc", params)
                .page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.createdAt, last.id));
    }

    public FollowUp get(Viewer viewer, UUID id) {
        FollowUp followUp = FollowUp.findById(id);
        if (followUp == null || !viewer.sees(followUp)) {
            throw DomainException.notFound("follow-up " + id);
        }
        return followUp;
    }

    /** The lead of the follow-up's team takes it on; claiming one's own claim again changes nothing. */
    @Transactional
    public FollowUp claim(Viewer lead, UUID id, String ifMatch) {
        FollowUp followUp = locked(lead, id);
        if (followUp.status == FollowUpStatus.CLAIMED && lead.personId().equals(followUp.assignee)) {
            return followUp;
        }
        ETags.check(ifMatch, followUp.version);
        if (followUp.status != FollowUpStatus.OPEN) {
            throw DomainException.conflict("follow-up-not-open", "this follow-up is " + followUp.status
                    + (followUp.assignee != null ? " by " + followUp.assignee : "")).with("status", followUp.status);
        }
        followUp.status = FollowUpStatus.CLAIMED;
        followUp.assignee = lead.personId();
        followUp.claimedAt = times.nowUtc();
        return followUp;
    }

    @Transactional
    public FollowUp close(Viewer lead, UUID id, FollowUpOutcome outcome, String note, String ifMatch) {
        FollowUp followUp = locked(lead, id);
        ETags.check(ifMatch, followUp.version);
        if (followUp.status != FollowUpStatus.CLAIMED) {
            throw DomainException.conflict("follow-up-not-claimed", "only a claimed follow-up can be closed; it is "
                    + followUp.status).with("status", followUp.status);
        }
        if (!lead.personId().equals(followUp.assignee)) {
            throw DomainException.conflict("follow-up-claimed-by-another", "this follow-up is claimed by " + followUp.assignee);
        }
        followUp.status = FollowUpStatus.CLOSED;
        followUp.outcome = outcome;
        followUp.note = note;
        followUp.closedAt = times.nowUtc();
        return followUp;
    }

    private FollowUp locked(Viewer lead, UUID id) {
        FollowUp followUp = FollowUp.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (followUp == null || !lead.sees(followUp)) {
            throw DomainException.notFound("follow-up " + id);
        }
        return followUp;
    }
}
