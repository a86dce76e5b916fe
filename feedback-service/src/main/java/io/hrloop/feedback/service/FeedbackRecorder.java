package io.hrloop.feedback.service;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.config.FeedbackConfig;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.TextAnalyser;

/**
 * Stores one piece of feedback with its text analysis, adds it to the insight rollups, opens a follow-up
 * when called for and publishes hr.feedback.received, all in one transaction. Anonymous feedback is stored
 * without author or time and held out of sight: no list, count, rollup or metric has it, and its event waits,
 * until the next shuffled release batch ({@link AnonymousEvents}); its event carries only the date.
 */
@ApplicationScoped
public class FeedbackRecorder {

    private final TextAnalyser analyser;
    private final Outbox outbox;
    private final FeedbackConfig config;
    private final FollowUpService followUps;
    private final FeedbackCounts counts;
    private final AnonymousEvents anonymousEvents;
    private final Times times;

    public FeedbackRecorder(TextAnalyser analyser, Outbox outbox, FeedbackConfig config, FollowUpService followUps,
            FeedbackCounts counts, AnonymousEvents anonymousEvents, Times times) {
        this.times = times;
        this.anonymousEvents = anonymousEvents;
        this.analyser = analyser;
        this.outbox = outbox;
        this.config = config;
        this.followUps = followUps;
        this.counts = counts;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Feedback record(NewFeedback input) {
        return record(input, UUID.randomUUID());
    }

    /** {@code id} must be random (a v4 UUID), never sequential: the id says nothing about who or when. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Feedback record(NewFeedback input, UUID id) {
        Feedback feedback = new Feedback();
        feedback.id = id;
        feedback.source = input.source();
        feedback.subjectType = input.subjectType();
        feedback.subjectKey = input.subjectKey();
        feedback.requestId = input.requestId();
        feedback.reference = input.reference();
        feedback.requestType = input.requestType();
        feedback.team = input.team();
        feedback.confidential = input.confidential();
        feedback.csat = input.csat();
        feedback.ces = input.ces();
        feedback.nps = input.nps();
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        feedback.comment = comment;
        feedback.chosenThemes = Feedback.join(input.chosenThemes() == null ? Set.of() : input.chosenThemes());
        float[] embedding = null;
        if (comment != null) {
            TextAnalyser.Analysis analysis = analyser.analyse(comment);
            embedding = analysis.embedding();
            feedback.sentiment = analysis.sentiment();
            feedback.frustrated = analysis.frustrated();
            Set<Theme> detected = EnumSet.copyOf(analysis.themes());
            if (!feedback.chosenThemes.isEmpty()) {
                detected.remove(Theme.OTHER); // "other" only when nothing else applies
            }
            feedback.detectedThemes = Feedback.join(detected);
        } else {
            feedback.detectedThemes = "";
        }
        feedback.anonymous = input.anonymous();
        feedback.receivedOn = times.today();
        if (!input.anonymous()) {
            feedback.author = input.author();
            feedback.createdAt = times.nowUtc();
        }
        feedback.released = !feedback.anonymous;
        feedback.persist();
        FeedbackReceived event = FeedbackEvents.received(feedback, config.eventCommentExcerpt(), analyser.modelName(),
                embedding);
        if (feedback.anonymous) {
            anonymousEvents.hold(event);
        } else {
            outbox.publish(event);
            counts.count(feedback);
        }
        followUps.consider(feedback);
        return feedback;
    }
}
