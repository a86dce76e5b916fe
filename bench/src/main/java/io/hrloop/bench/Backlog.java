package io.hrloop.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.hrloop.common.contract.EventData;
import io.hrloop.common.contract.FeedbackReceived;
import io.hrloop.common.contract.RequestAssigned;
import io.hrloop.common.contract.RequestFacts;
import io.hrloop.common.contract.RequestResolved;
import io.hrloop.common.contract.RequestSlaBreached;
import io.hrloop.common.contract.RequestStatusChanged;
import io.hrloop.common.contract.RequestSubmitted;
import io.hrloop.common.contract.Theme;
import io.hrloop.common.events.Envelope;
import io.hrloop.common.inbox.EventHeaders;

/**
 * The drain phase's backlog: contract records ({@code io.hrloop.common.contract}) written as the outbox writes
 * them (data checked against the schema, CloudEvents envelope, the relay's headers, the aggregate as key), each
 * with a fresh id so that no inbox skips it. Requests live through the life intake starts: submitted, assigned,
 * in progress, for one in ten a breached resolution target, resolved (over the demo request types in intake's
 * shares, their survey sampling rates, confidential employee-relations cases without requester). Feedback is
 * survey answers without a comment (nothing for the text model to embed): most satisfied, one in ten with
 * CSAT 1 or 2 and a theme, which improvement-service turns into evidence.
 */
final class Backlog {

    /** The services' own ObjectMapper settings that matter for the contract: java.time as ISO text. */
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private record Type(String key, String category, String team, double share, double sampling, boolean confidential) {
    }

    private static final List<Type> TYPES = List.of(
            new Type("payroll-query", "payroll", "payroll", 0.35, 1.0, false),
            new Type("leave-request", "leave", "people-services", 0.30, 0.5, false),
            new Type("benefits-question", "benefits", "benefits", 0.15, 0.5, false),
            new Type("policy-advice", "policy", "policy", 0.15, 0.5, false),
            new Type("employee-relations-concern", "employee-relations", "employee-relations", 0.05, 0.0, true));

    /** The records and how many of each event type they hold. */
    record Events(List<ProducerRecord<String, byte[]>> records, Map<String, Integer> types) {
        String mix() {
            return String.join(", ", types.entrySet().stream().map(e -> Report.f("%,d %s", e.getValue(), e.getKey()))
                    .toList());
        }
    }

    private final Random random = new Random(11);
    private final List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
    private final Map<String, Integer> types = new TreeMap<>();
    private final long run = System.currentTimeMillis() % 100_000;

    private Backlog() {
    }

    /** {@code count} hr.requests events: whole request lives, the last one cut short where the count ends. */
    static Events requests(int count) {
        Backlog b = new Backlog();
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).minusDays(2).truncatedTo(ChronoUnit.MILLIS);
        for (int n = 0; b.records.size() < count; n++) {
            Type type = b.pick();
            String requester = type.confidential ? null : "emp-" + (1000 + b.random.nextInt(50_000));
            String owner = "hr-agent-" + b.random.nextInt(40);
            String reference = Report.f("HR-%05d%06d", b.run, n);
            UUID id = UUID.randomUUID();
            OffsetDateTime at = start.plusSeconds(n);
            String subject = type.confidential ? null : "Question " + n + " about " + type.category;
            String priority = b.random.nextInt(4) == 0 ? "HIGH" : "NORMAL";
            RequestFacts submitted = facts(id, reference, type, priority, "SUBMITTED", requester, null, subject, at);
            b.add(count, RequestSubmitted.of(submitted), at);
            RequestFacts assigned = facts(id, reference, type, priority, "ASSIGNED", requester, owner, subject,
                    at.plusMinutes(5));
            b.add(count, RequestAssigned.of(assigned, null, null, "SUBMITTED"), at.plusMinutes(5));
            RequestFacts working = facts(id, reference, type, priority, "IN_PROGRESS", requester, owner, subject,
                    at.plusMinutes(30));
            b.add(count, RequestStatusChanged.of(working, "ASSIGNED", null, null), at.plusMinutes(30));
            boolean breached = b.random.nextInt(10) == 0;
            if (breached) {
                b.add(count, RequestSlaBreached.of(working, "RESOLUTION", at.plusHours(20), 1200), at.plusHours(20));
            }
            RequestFacts resolved = facts(id, reference, type, priority, "RESOLVED", requester, owner, subject,
                    at.plusDays(1));
            b.add(count, RequestResolved.of(resolved, at.plusDays(1), breached, "IN_PROGRESS", "Done, see the answer",
                    requester == null ? null : requester + "@example.com", requester == null ? null : "en"),
                    at.plusDays(1));
        }
        return new Events(List.copyOf(b.records), b.types);
    }

    /** {@code count} hr.feedback survey answers without comments, one in ten negative. */
    static Events feedback(int count) {
        Backlog b = new Backlog();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        for (int n = 0; n < count; n++) {
            Type type = b.pick();
            boolean negative = b.random.nextInt(10) == 0;
            int csat = negative ? 1 + b.random.nextInt(2) : 4 + b.random.nextInt(2);
            List<Theme> themes = negative ? List.of(Theme.values()[b.random.nextInt(Theme.values().length)]) : List.of();
            FeedbackReceived event = new FeedbackReceived(UUID.randomUUID(), "SURVEY", "REQUEST",
                    Report.f("HR-%05d%06d", b.run, n), UUID.randomUUID().toString(), Report.f("HR-%05d%06d", b.run, n),
                    type.key, type.team, csat, null, null, null, themes, negative ? -0.5 : 0.5, false, false,
                    "emp-" + (1000 + b.random.nextInt(50_000)), now.toLocalDate(), type.confidential, null);
            b.add(count, event, now);
        }
        return new Events(List.copyOf(b.records), b.types);
    }

    private static RequestFacts facts(UUID id, String reference, Type type, String priority, String status,
            String requester, String owner, String subject, OffsetDateTime at) {
        return new RequestFacts(id, reference, type.key, type.category, type.team, priority, status, type.confidential,
                requester, null, owner, subject, type.sampling, at);
    }

    private Type pick() {
        double r = random.nextDouble();
        for (Type type : TYPES) {
            r -= type.share;
            if (r < 0) {
                return type;
            }
        }
        return TYPES.getFirst();
    }

    private void add(int count, EventData event, OffsetDateTime time) {
        if (records.size() >= count) {
            return;
        }
        String type = event.eventType().type();
        byte[] payload = Envelope.of(JSON, UUID.randomUUID().toString(), source(event), event, time, Map.of());
        records.add(new ProducerRecord<>(event.eventType().topic(), null, null, event.aggregateId(), payload,
                EventHeaders.of(type)));
        types.merge(type, 1, Integer::sum);
    }

    private static String source(EventData event) {
        return event instanceof FeedbackReceived ? "/hrloop/feedback-service" : "/hrloop/request-service";
    }
}
