package io.hrloop.feedback.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.hibernate.query.NativeQuery;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.contract.RequestResolved;
import io.hrloop.common.contract.SurveyInvited;
import io.hrloop.common.erasure.ErasedPeople;
import io.hrloop.common.outbox.Outbox;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.config.FeedbackConfig;
import io.hrloop.feedback.domain.InvitationStatus;
import io.hrloop.feedback.domain.PersonContact;
import io.hrloop.feedback.domain.Rollups;
import io.hrloop.feedback.domain.Sampling;
import io.hrloop.feedback.domain.SurveyInvitation;
import io.hrloop.feedback.domain.SurveyTokens;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/** Survey invitations: issued on resolution (sampled, throttled), withdrawn on reopen; {@link SurveyAnswers} answers them. */
@ApplicationScoped
public class SurveyService {

    private final EntityManager entityManager;
    private final FeedbackConfig config;
    private final RollupStore rollups;
    private final Times times;
    private final Contacts contacts;
    private final FeedbackMail mail;
    private final Outbox outbox;
    private final Counter sent;
    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry registry;
    private final ErasedPeople erasedPeople;

    public SurveyService(EntityManager entityManager, FeedbackConfig config, RollupStore rollups,
            Times times, Contacts contacts, FeedbackMail mail, Outbox outbox, MeterRegistry meters,
            AgroalDataSource dataSource, TransactionSynchronizationRegistry registry, ErasedPeople erasedPeople) {
        this.erasedPeople = erasedPeople;
        this.dataSource = dataSource;
        this.registry = registry;
        this.contacts = contacts;
        this.mail = mail;
        this.outbox = outbox;
        this.sent = Counter.builder("hrloop.surveys.sent").description("Survey invitations issued").register(meters);
        this.times = times;
        this.entityManager = entityManager;
        this.config = config;
        this.rollups = rollups;
    }

    public enum Decision {
        INVITED, NO_REQUESTER, NOT_SAMPLED, ALREADY_INVITED, THROTTLED,
        /** The requester was erased before the resolution was consumed: no invitation, address or mail of theirs. */
        ERASED
    }

    /**
     * Loads, for a batch's resolutions, what their decisions need, in four statements however many there are: the
     * advisory locks of all their requesters (in one sorted order, so that replicas deciding for overlapping people
     * cannot deadlock), the invitations that decide "one pending per request" and the throttle, and the requesters'
     * contact entries; then, under the locks, which of them were erased. {@link #onResolved} and {@link #onReopened}
     * then decide from them, in this transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(List<RequestResolved> resolutions) {
        List<RequestResolved> candidates = resolutions.stream().filter(SurveyService::surveyable).toList();
        if (candidates.isEmpty() || registry.getTransactionKey() == null) {
            return;
        }
        Set<String> persons = candidates.stream().map(RequestResolved::requester).collect(Collectors.toCollection(TreeSet::new));
        Set<UUID> requests = candidates.stream().map(RequestResolved::requestId).collect(Collectors.toSet());
        OffsetDateTime since = times.nowUtc().minus(config.survey().throttlePeriod());
        // Plain JDBC on the transaction's connection: neither statement needs the session flushed.
        SurveyFacts facts;
        try (Connection connection = dataSource.getConnection()) {
            facts = SurveyFacts.load(connection, persons.stream().map(SurveyService::lockKey).toList(), persons, requests,
                    since, contacts.entries(persons));
        } catch (SQLException e) {
            throw new IllegalStateException("could not load the survey decisions' facts", e);
        }
        // Read under the locks: an erasure of one of them has committed (and is seen) or waits for this batch.
        facts.erased(erasedPeople.pseudonymsOf(persons).keySet());
        registry.putResource(SurveyFacts.class, facts);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Decision onResolved(RequestResolved resolution) {
        if (resolution.requester() == null || resolution.confidential()) {
            return Decision.NO_REQUESTER;
        }
        if (!sampled(resolution)) {
            return Decision.NOT_SAMPLED;
        }
        OffsetDateTime now = times.nowUtc();
        OffsetDateTime since = now.minus(config.survey().throttlePeriod());
        SurveyFacts facts = facts();
        if (facts == null || !facts.covers(resolution.requestId(), resolution.requester(), since)) {
            facts = null;
            Decision refused = decideAlone(resolution, since);
            if (refused != null) {
                return refused;
            }
        } else if (facts.erased(resolution.requester())) {
            return Decision.ERASED;
        } else if (facts.pending(resolution.requestId())) {
            return Decision.ALREADY_INVITED;
        } else if (facts.invitedSince(resolution.requester(), since)) {
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
        if (facts != null) {
            facts.invited(invitation.requestId, invitation.personId, invitation.createdAt);
        }
        countInvitation(invitation, 1);
        sent.increment();
        // Delivery: by mail when the requester has an address and takes such mail, and by any gateway that reads
        // hr.feedback.survey-invited; both in this transaction (the inbox's), so a redelivered event does neither.
        PersonContact contact = contacts.learned(resolution.requester(), resolution.requesterEmail(),
                resolution.requesterLocale(), facts);
        boolean mailed = mail.surveyInvitation(invitation, contact);
        outbox.publish(new SurveyInvited(invitation.id, invitation.personId, invitation.requestId, invitation.reference,
                invitation.requestType, invitation.team, invitation.createdAt, invitation.expiresAt, invitation.token,
                mail.answerUrl(invitation.token), mail.language(contact), mailed, false));
        return Decision.INVITED;
    }

    /** The refusal of a resolution decided on its own (no batch facts cover it), or null when it earns an invitation. */
    private Decision decideAlone(RequestResolved resolution, OffsetDateTime since) {
        // One decision per person at a time, across replicas: the throttle check and the insert are atomic.
        lockDecisionsOf(resolution.requester());
        if (erasedPeople.pseudonymOf(resolution.requester()).isPresent()) {
            return Decision.ERASED; // a resolution published before the person's erasure, consumed after it
        }
        // Counted in HQL, whose translation Hibernate caches (Panache's count() translates its query every time).
        if (entityManager.createQuery("select count(*) from SurveyInvitation where requestId = ?1 and status = ?2",
                Long.class).setParameter(1, resolution.requestId()).setParameter(2, InvitationStatus.PENDING)
                .getSingleResult() > 0) {
            return Decision.ALREADY_INVITED;
        }
        long recent = entityManager.createQuery("select count(*) from SurveyInvitation where personId = ?1 and status <> ?2 "
                + "and createdAt > ?3", Long.class).setParameter(1, resolution.requester())
                .setParameter(2, InvitationStatus.WITHDRAWN).setParameter(3, since)
                .getSingleResult();
        if (recent > 0) {
            Log.debugf("Request %s resolved; requester already invited within the throttle period", resolution.reference());
            return Decision.THROTTLED;
        }
        return null;
    }

    /**
     * The start of the person's erasure: it takes the lock their survey decisions take, so it waits for a batch that is
     * deciding for them (the batch holds the lock until it commits) and then finds, and ends, the invitation, address
     * and mail that batch wrote; a decision for them waits until the erasure has committed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erasing(String personId) {
        lockDecisionsOf(personId);
    }

    /**
     * The lock of one person's survey decisions, held until the transaction ends. It reads no table: declaring
     * survey_invitation as its query space spares the flush of everything else the batch changed (a native query
     * otherwise flushes the whole session, once per resolved request).
     */
    private void lockDecisionsOf(String personId) {
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(SurveyInvitation.class)
                .setParameter(1, lockKey(personId)).getSingleResult();
    }

    /** An erasure in a batch's transaction: the batch's facts about the person are dropped (see SurveyFacts#forget). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(String personId) {
        SurveyFacts facts = facts();
        PersonContact known = facts == null ? null : facts.forget(personId);
        if (known != null) {
            entityManager.detach(known); // its row is gone: a later look-up must not find it in the session
        }
    }

    private SurveyFacts facts() {
        return registry.getTransactionKey() == null ? null : (SurveyFacts) registry.getResource(SurveyFacts.class);
    }

    private static boolean surveyable(RequestResolved resolution) {
        return resolution.requester() != null && !resolution.confidential() && sampled(resolution);
    }

    private static boolean sampled(RequestResolved resolution) {
        return Sampling.sampled(resolution.requestId(),
                resolution.surveySamplingRate() == null ? 1.0 : resolution.surveySamplingRate());
    }

    private static String lockKey(String requester) {
        return "survey-invitation:" + requester;
    }

    /** A reopened request is not finished: its open invitation is withdrawn. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onReopened(UUID requestId) {
        List<SurveyInvitation> open = SurveyInvitation.list("requestId = ?1 and status = ?2", requestId, InvitationStatus.PENDING);
        for (SurveyInvitation invitation : open) {
            invitation.status = InvitationStatus.WITHDRAWN;
            invitation.closedAt = times.nowUtc();
            countInvitation(invitation, -1);
        }
        SurveyFacts facts = facts();
        if (facts != null && !open.isEmpty()) {
            facts.withdrawn(requestId);
            // Written now: a flush inserts before it updates, so a new invitation for the request, issued later in the
            // batch with no query to flush first, must not meet this one still pending (one pending per request).
            entityManager.flush();
        }
    }

    /** An invitation counts towards the response rate of its day, week and month; a withdrawn one no longer. */
    private void countInvitation(SurveyInvitation invitation, int change) {
        rollups.add(Rollups.deltas(invitation.createdAt.toLocalDate(), invitation.requestType, invitation.team, false,
                Rollups.ofInvitation(change)));
    }
}
