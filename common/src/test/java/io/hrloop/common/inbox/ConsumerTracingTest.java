package io.hrloop.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.events.Envelope;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.support.Backbone;
import io.hrloop.common.support.CapturedSpans;
import io.hrloop.common.support.TracingProfile;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The consumer's transactions run in spans of the events' traces (the W3C traceparent each CloudEvent carries), and
 * their database work is part of them. An event applied alone: its {@code <type> process} span is the child of the
 * producer's, and the transaction's statements are its children. Several applied in one transaction: a
 * {@code <topic> process} span without a parent, linked to each producer, holds the transaction's statements; each
 * event has a {@code <type> process} span in its producer's trace, linked to the batch's, holding its handler's.
 */
@QuarkusTest
@TestProfile(TracingProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class ConsumerTracingTest {

    private static final String EVENT_SPAN = EventCatalog.PERSON_ERASED.type() + " process";
    private static final String BATCH_SPAN = EventCatalog.PERSON_ERASED.topic() + " process";
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<Long> MESSAGE_COUNT = AttributeKey.longKey("messaging.batch.message_count");
    private static final Duration APPLIED = Duration.ofSeconds(60);
    private static final Duration EXPORTED = Duration.ofSeconds(20);
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    CapturedSpans spans;

    @Test
    void anEventAppliedAloneIsProcessedInAChildOfItsProducersSpanThatHoldsTheTransactionsStatements() {
        List<String> misses = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            String person = "traced-" + key();
            SpanContext producer = producerSpan();
            String id = sendTogether(person, List.of(new Traced(person, producer))).get(0);
            Backbone.await(APPLIED, "the event applied",
                    () -> Backbone.count("select count(*) from probe_effect where person_id = '" + person + "'") == 1);
            long tx = Backbone.count("select tx from probe_effect where person_id = '" + person + "'");
            long together = Backbone.count("select count(*) from probe_effect where tx = " + tx);
            if (together != 1) {
                misses.add("applied with " + (together - 1) + " other events");
                continue; // it shared its transaction with an event left over on the topic: try again
            }

            SpanData process = awaitSpan("the event's process span",
                    s -> s.getName().equals(EVENT_SPAN) && id.equals(s.getAttributes().get(MESSAGE_ID)));
            assertEquals(SpanKind.CONSUMER, process.getKind());
            assertEquals(producer.getTraceId(), process.getTraceId(), "the event is processed in its producer's trace");
            assertEquals(producer.getSpanId(), process.getParentSpanId(), "the producer's span is the parent");
            assertTrue(process.getParentSpanContext().isRemote(), "the parent came with the event");
            assertTrue(process.getLinks().isEmpty(), "no batch span to link to: " + process.getLinks());

            List<SpanData> statements = awaitStatements(process, Set.of("inbox_event", "probe_effect"));
            assertTrue(statements.stream().allMatch(s -> s.getTraceId().equals(producer.getTraceId())),
                    "the transaction's statements are in the producer's trace");
            return;
        }
        fail("in three attempts the event never had a transaction of its own: " + misses);
    }

    @Test
    void eventsAppliedTogetherAreProcessedInABatchSpanLinkedBothWaysToEachEventsSpan() {
        int n = 3;
        List<String> misses = new ArrayList<>();
        for (int attempt = 0; attempt < 3; attempt++) {
            String key = key();
            List<Traced> events = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                events.add(new Traced("traced-" + key + "-" + i, producerSpan()));
            }
            List<String> ids = sendTogether(key, events);
            String mine = "person_id like 'traced-" + key + "-%'";
            Backbone.await(APPLIED, "the events applied",
                    () -> Backbone.count("select count(*) from probe_effect where " + mine) == n);
            long transactions = Backbone.count("select count(distinct tx) from probe_effect where " + mine);
            if (transactions != 1) {
                misses.add("applied in " + transactions + " transactions");
                continue; // they did not arrive in one poll batch: try again
            }
            long tx = Backbone.count("select max(tx) from probe_effect where " + mine);
            long together = Backbone.count("select count(*) from probe_effect where tx = " + tx);
            if (together != n) {
                misses.add("applied with " + (together - n) + " other events");
                continue; // an event left over on the topic joined them: try again
            }

            SpanData batch = awaitSpan("the batch's process span", s -> s.getName().equals(BATCH_SPAN)
                    && linked(s, events.get(0).producer()));
            assertEquals(SpanKind.CONSUMER, batch.getKind());
            assertFalse(batch.getParentSpanContext().isValid(), "the batch span has no parent: "
                    + batch.getParentSpanContext());
            assertEquals(Long.valueOf(n), batch.getAttributes().get(MESSAGE_COUNT), "messaging.batch.message_count");
            assertEquals(events.stream().map(e -> id(e.producer())).collect(Collectors.toSet()),
                    batch.getLinks().stream().map(l -> id(l.getSpanContext())).collect(Collectors.toSet()),
                    "the batch span links to each event's producer span, and to nothing else");
            awaitStatements(batch, Set.of("inbox_event"));

            for (int i = 0; i < n; i++) {
                String id = ids.get(i);
                SpanContext producer = events.get(i).producer();
                SpanData process = awaitSpan("event " + (i + 1) + "'s process span",
                        s -> s.getName().equals(EVENT_SPAN) && id.equals(s.getAttributes().get(MESSAGE_ID)));
                assertEquals(SpanKind.CONSUMER, process.getKind());
                assertEquals(producer.getTraceId(), process.getTraceId(), "event " + (i + 1) + " in its producer's trace");
                assertEquals(producer.getSpanId(), process.getParentSpanId(), "event " + (i + 1) + "'s producer is its parent");
                assertTrue(linked(process, batch.getSpanContext()), "event " + (i + 1) + "'s span links to the batch's: "
                        + process.getLinks());
                awaitStatements(process, Set.of("probe_effect"));
            }
            return;
        }
        fail("in three attempts the events never arrived in one poll batch, alone: " + misses);
    }

    /** An event to send, for a person, as part of the producer's span. */
    private record Traced(String person, SpanContext producer) {
    }

    /** A producer's span: a new sampled trace. */
    private static SpanContext producerSpan() {
        HexFormat hex = HexFormat.of();
        byte[] trace = new byte[16];
        byte[] span = new byte[8];
        ThreadLocalRandom.current().nextBytes(trace);
        ThreadLocalRandom.current().nextBytes(span);
        trace[0] |= 1; // never all zeros
        span[0] |= 1;
        return SpanContext.createFromRemoteParent(hex.formatHex(trace), hex.formatHex(span),
                TraceFlags.getSampled(),
                TraceState.getDefault());
    }

    private static String traceparent(SpanContext producer) {
        return "00-" + producer.getTraceId() + "-" + producer.getSpanId() + "-" + producer.getTraceFlags().asHex();
    }

    /**
     * Sends hr.person.erased for each event, in this order, under one Kafka key, in one flush of one producer (so
     * that they usually arrive in one poll batch), each with its producer's traceparent; returns the event ids.
     */
    private static List<String> sendTogether(String key, List<Traced> events) {
        List<String> ids = new ArrayList<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers(), "linger.ms", "50"), new StringSerializer(),
                new ByteArraySerializer())) {
            for (Traced event : events) {
                String id = UUID.randomUUID().toString();
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                byte[] data = MAPPER.writeValueAsBytes(new PersonErased(event.person(), "erased-" + event.person(), now,
                        "admin-1"));
                producer.send(new ProducerRecord<>(EventCatalog.PERSON_ERASED.topic(), key, Envelope.serialize(id,
                        "/hrloop/request-service", EventCatalog.PERSON_ERASED, event.person(), now, data,
                        Map.of(Envelope.TRACEPARENT, traceparent(event.producer())))));
                ids.add(id);
            }
            producer.flush();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return ids;
    }

    private SpanData awaitSpan(String what, Predicate<SpanData> which) {
        Instant deadline = Instant.now().plus(EXPORTED);
        while (true) {
            Optional<SpanData> span = spans.all().stream().filter(which).findFirst();
            if (span.isPresent()) {
                return span.get();
            }
            if (Instant.now().isAfter(deadline)) {
                fail("no span for " + what + " within " + EXPORTED + "; spans seen: " + spans.all().stream()
                        .map(SpanData::getName).distinct().toList());
            }
            pause();
        }
    }

    /**
     * Waits until {@code parent} has, for each of {@code tables}, a JDBC statement span among its children that
     * works on that table; returns its JDBC children.
     */
    private List<SpanData> awaitStatements(SpanData parent, Set<String> tables) {
        Instant deadline = Instant.now().plus(EXPORTED);
        while (true) {
            List<SpanData> statements = spans.all().stream()
                    .filter(s -> s.getParentSpanId().equals(parent.getSpanId())
                            && s.getTraceId().equals(parent.getTraceId()) && statement(s))
                    .toList();
            if (tables.stream().allMatch(table -> statements.stream().anyMatch(s -> mentions(s, table)))) {
                return statements;
            }
            if (Instant.now().isAfter(deadline)) {
                fail("the statements of " + parent.getName() + " " + parent.getSpanId() + " on " + tables
                        + " are not its children within " + EXPORTED + "; its JDBC children: "
                        + statements.stream().map(ConsumerTracingTest::describe).toList()
                        + "; JDBC spans on them with other parents since it started: " + spans.all().stream()
                                .filter(s -> statement(s) && s.getStartEpochNanos() >= parent.getStartEpochNanos()
                                        && tables.stream().anyMatch(t -> mentions(s, t)))
                                .map(ConsumerTracingTest::describe).limit(20).toList());
            }
            pause();
        }
    }

    /** A span of the JDBC instrumentation: a database client call. */
    private static boolean statement(SpanData span) {
        return span.getKind() == SpanKind.CLIENT && span.getAttributes().asMap().keySet().stream()
                .anyMatch(k -> k.getKey().startsWith("db."));
    }

    /** Whether a statement's span names {@code table} (its name, db.sql.table, or the statement's text). */
    private static boolean mentions(SpanData span, String table) {
        return span.getName().endsWith("." + table) || span.getAttributes().asMap().entrySet().stream()
                .anyMatch(a -> a.getKey().getKey().startsWith("db.") && String.valueOf(a.getValue()).contains(table));
    }

    private static String describe(SpanData span) {
        return span.getName() + " (trace " + span.getTraceId() + ", parent " + span.getParentSpanId() + ", "
                + span.getAttributes() + ")";
    }

    private static boolean linked(SpanData span, SpanContext to) {
        return span.getLinks().stream().map(LinkData::getSpanContext).anyMatch(c -> id(c).equals(id(to)));
    }

    private static String id(SpanContext context) {
        return context.getTraceId() + "/" + context.getSpanId();
    }

    private static String key() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
