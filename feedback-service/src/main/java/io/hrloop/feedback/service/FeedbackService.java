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
     * Who reads feedback. Everyone sees what they signed themselves. Beyond that, HR sees feedback as it sees the
     * request it is about (as request-service does): feedback about a confidential (employee-relations) request or
     * type only employee-relations specialists; other feedback about a team's requests or types hr-agents and
     * hr-leads of that team and hr-admin; feedback about no team (a process, HR in general) every HR role.
     *
     * @param team the caller's team when they work a team's queue (hr-agent, hr-lead), else null
     */
    public record Reader(String personId, boolean hr, boolean allTeams, String team, boolean seesConfidential) {

        public boolean sees(Feedback f) {
            if (personId != null && personId.equals(f.author)) {
                return true;
            }
            if (!hr) {
                return false;
            }
            if (f.confidential) {
                return seesConfidential;
            }
            return f.team == null || allTeams || (team != null && team.equals(f.team));
        }

        /** {@link #sees} as a JPQL condition; binds its parameters into {@code params}. */
        String clause(Map<String, Object> params) {
            params.put("me", personId);
            if (!hr) {
                return "author = :me";
            }
            StringBuilder ordinary = new StringBuilder("team is null");
            if (allTeams) {
                ordinary.append(" or 1 = 1");
            } else if (team != null) {
                ordinary.append(" or team = :myTeam");
                params.put("myTeam", team);
            }
            return "(author = :me" + (seesConfidential ? " or confidential = true" : "")
                    + " or (confidential = false and (" + ordinary + ")))";
        }
    }

    /** Feedback newest day first, anonymous feedback from its release batch on, as far as {@code reader} may see it. */
    public Page<Feedback> list(Filter filter, Reader reader, int limit, String cursor) {
        StringBuilder where = new StringBuilder("released = true");
        Map<String, Object> params = new HashMap<>();
        where.append(" and ").append(reader.clause(params));
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

    /** One piece of feedback if {@code reader} may see it; anonymous feedback only once released. */
    public Optional<Feedback> find(UUID id, Reader reader) {
        Optional<Feedback> found = Feedback.findByIdOptional(id);
        return found.filter(f -> f.released).filter(reader::sees);
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
