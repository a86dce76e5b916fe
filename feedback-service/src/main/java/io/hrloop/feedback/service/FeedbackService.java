package io.hrloop.feedback.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.hrloop.common.api.Cursor;
import io.hrloop.common.api.Page;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.domain.DomainException;
import io.hrloop.common.time.Times;
import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.FeedbackSource;
import io.hrloop.feedback.domain.SentimentClass;
import io.hrloop.feedback.domain.SubjectType;
import io.hrloop.feedback.domain.TextAnalyser;

/** Unsolicited feedback, signed or anonymous, and reading feedback back. */
@ApplicationScoped
public class FeedbackService {

    private final FeedbackRecorder recorder;
    private final RequestTypes requestTypes;
    private final EntityManager entityManager;
    private final Times times;

    public FeedbackService(FeedbackRecorder recorder, RequestTypes requestTypes, EntityManager entityManager, Times times) {
        this.times = times;
        this.recorder = recorder;
        this.requestTypes = requestTypes;
        this.entityManager = entityManager;
    }

    public record Submission(SubjectType subjectType, String subjectKey, Integer csat, Integer ces, Integer nps,
            String comment, Set<Theme> themes, boolean anonymous) {
    }

    /** The result of an anonymous submission, and whether it replays an earlier one with the same key. */
    public record Outcome(Feedback feedback, boolean replayed) {
    }

    @Transactional
    public Feedback submitSigned(String author, Submission submission) {
        return recorder.record(draft(submission, author));
    }

    /**
     * Records anonymous feedback. With an Idempotency-Key, a retry returns the first result; what is kept
     * for that is a hash of the key and the body and the date, nothing of the caller.
     */
    @Transactional
    public Outcome submitAnonymous(Submission submission, String idempotencyKey, byte[] canonicalBody) {
        NewFeedback draft = draft(submission, null);
        UUID id = UUID.randomUUID();
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new Outcome(recorder.record(draft, id), false);
        }
        if (idempotencyKey.length() > 200) {
            throw DomainException.invalid("invalid-idempotency-key", "Idempotency-Key must be at most 200 characters");
        }
        String fingerprint = fingerprint(idempotencyKey, canonicalBody);
        int inserted = entityManager.createNativeQuery("""
                insert into anonymous_submission (fingerprint, feedback_id, received_on) values (?1, ?2, ?3)
                on conflict do nothing""")
                .setParameter(1, fingerprint).setParameter(2, id).setParameter(3, times.today()).executeUpdate();
        if (inserted == 0) {
            UUID first = (UUID) entityManager.createNativeQuery("select feedback_id from anonymous_submission where fingerprint = ?1")
                    .setParameter(1, fingerprint).getSingleResult();
            return new Outcome(Feedback.findById(first), true);
        }
        return new Outcome(recorder.record(draft, id), false);
    }

    private NewFeedback draft(Submission s, String author) {
        String requestType = null;
        String team = null;
        boolean confidential = false;
        if (s.subjectType() == SubjectType.REQUEST_TYPE) {
            RequestTypes.TypeInfo info = requestTypes.describe(s.subjectKey());
            requestType = info.key();
            team = info.team();
            confidential = info.confidential();
        }
        return new NewFeedback(FeedbackSource.UNSOLICITED, s.subjectType(), s.subjectKey(), null, null, requestType, team,
                confidential, s.csat(), s.ces(), s.nps(), s.comment(), s.themes(), s.anonymous(), author);
    }

    public record Filter(FeedbackSource source, SubjectType subjectType, String requestType, String team, LocalDate from,
            LocalDate to, SentimentClass sentiment, Boolean frustrated, Boolean anonymous) {
    }

    /**
     * Feedback newest day first, anonymous feedback from its release batch on. {@code author} limits it to one
     * person's signed feedback; {@code withConfidential} lets employee-relations specialists see confidential
     * request types (a person always sees their own).
     */
    public Page<Feedback> list(Filter filter, String author, boolean withConfidential, int limit, String cursor) {
        StringBuilder where = new StringBuilder("released = true");
        Map<String, Object> params = new HashMap<>();
        if (author != null) {
            where.append(" and author = :author");
            params.put("author", author);
        }
        if (!withConfidential && author == null) {
            where.append(" and confidential = false");
        }
        add(where, params, "source", filter.source());
        add(where, params, "subjectType", filter.subjectType());
        add(where, params, "requestType", filter.requestType());
        add(where, params, "team", filter.team());
        add(where, params, "frustrated", filter.frustrated());
        add(where, params, "anonymous", filter.anonymous());
        if (filter.from() != null) {
            where.append(" and receivedOn >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.append(" and receivedOn <= :to");
            params.put("to", filter.to());
        }
        if (filter.sentiment() != null) {
            switch (filter.sentiment()) {
                case POSITIVE -> where.append(" and sentiment >= :band");
                case NEGATIVE -> where.append(" and sentiment <= -:band");
                case NEUTRAL -> where.append(" and sentiment > -:band and sentiment < :band");
            }
            params.put("band", TextAnalyser.NEUTRAL_BAND);
        }
        Cursor after = Cursor.read(cursor, 2);
        if (after != null) {
            params.put("afterDay", after.date(0));
            params.put("afterId", after.uuid(1));
            where.append(" and (receivedOn < :afterDay or (receivedOn = :afterDay and id < :afterId))");
        }
        List<Feedback> found = Feedback.<Feedback>find(where + " order by receivedOn desc, id desc", params)
                .page(0, limit + 1).list();
        return Page.of(found, limit, last -> Cursor.of(last.receivedOn, last.id));
    }

    private static void add(StringBuilder where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.append(" and ").append(field).append(" = :").append(field);
            params.put(field, value);
        }
    }

    /** One piece of feedback as {@code author} (their own, signed) or HR may see it; anonymous only once released. */
    public Optional<Feedback> find(UUID id, String author, boolean withConfidential) {
        Optional<Feedback> found = Feedback.findByIdOptional(id);
        return found.filter(f -> f.released).filter(f -> author == null || author.equals(f.author))
                .filter(f -> author != null || withConfidential || !f.confidential);
    }

    private static String fingerprint(String key, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(key.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
