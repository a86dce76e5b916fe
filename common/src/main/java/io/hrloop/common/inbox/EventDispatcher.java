package io.hrloop.common.inbox;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import io.hrloop.common.contract.EventData;
import io.hrloop.common.events.Envelope;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.common.events.EventSchemas;
import io.hrloop.common.events.IncomingEvent;
import io.hrloop.common.events.MalformedEventException;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * Reads a consumed record into its typed contract event and hands it to the service's handlers, once: the
 * same path for the consumer loop and for an operator's replay of a dead letter.
 */
@ApplicationScoped
public class EventDispatcher {

    /** A consumed event that passed the envelope, type and schema checks. */
    public record Delivery(EventMetadata metadata, EventData data) {
    }

    /** Set in the context of a transaction that applies one event, in that event's own span: the event's id. */
    private static final ContextKey<String> EVENT_SPAN = ContextKey.named("hrloop.event-span");

    /** Per thread (a consumer lane), the nanoseconds spent in handlers so far. */
    private static final ThreadLocal<long[]> HANDLING = ThreadLocal.withInitial(() -> new long[1]);

    private final Map<EventCatalog, List<EventHandler<?>>> handlers = new EnumMap<>(EventCatalog.class);
    private final Inbox inbox;
    private final ObjectMapper mapper;
    /** Reads an event's envelope and data in one pass (mapper's limits and duplicate-member refusal). */
    private final ObjectReader envelopes;
    private final String service;
    private final Tracer tracer;
    private final BatchEnd batchEnd;
    private final Map<EventCatalog, Double> costs = new ConcurrentHashMap<>();

    public EventDispatcher(Instance<EventHandler<?>> all, Inbox inbox, ObjectMapper mapper, Tracer tracer,
            BatchEnd batchEnd, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.tracer = tracer;
        this.batchEnd = batchEnd;
        this.inbox = inbox;
        this.mapper = mapper;
        this.envelopes = Envelope.reader(mapper);
        this.service = service;
        for (EventHandler<?> handler : all) {
            for (EventCatalog type : handler.types()) {
                if (!handler.dataType().isAssignableFrom(type.dataType())) {
                    throw new IllegalStateException(handler.getClass().getName() + " receives "
                            + handler.dataType().getSimpleName() + " but asks for " + type.type());
                }
                handlers.computeIfAbsent(type, t -> new ArrayList<>()).add(handler);
            }
        }
    }

    /**
     * What applying one more event of {@code type} in a transaction has cost lately, in milliseconds: a moving
     * average over about the last 8 of that type that followed another of their type in their transaction (the
     * first also pays what is read once per transaction, see {@link #apply(List)}); 1 ms before the first.
     */
    public double costMillis(EventCatalog type) {
        return costs.getOrDefault(type, 1.0);
    }

    /**
     * How long this thread has spent in the handlers of the events {@link #costMillis} times, in nanoseconds
     * (differences tell a transaction's share; the rest of a transaction's time is its own cost).
     */
    public long handlingNanos() {
        return HANDLING.get()[0];
    }

    /** Whether any handler applies events of this CloudEvents type: the others are skipped unread. */
    public boolean wants(String type) {
        return EventCatalog.byType(type).map(handlers::containsKey).orElse(false);
    }

    public boolean consumesAnything() {
        return !handlers.isEmpty();
    }

    /** The types some handler of this service applies. */
    public java.util.Set<EventCatalog> handledTypes() {
        return java.util.Set.copyOf(handlers.keySet());
    }

    /**
     * Parses and checks a record's value; throws {@link MalformedEventException} when it can never be
     * processed (not a CloudEvent, unknown type, schema violation, data that does not bind).
     */
    public Delivery read(byte[] value) {
        IncomingEvent event = Envelope.parse(value, envelopes);
        EventCatalog type = EventCatalog.byType(event.type())
                .orElseThrow(() -> new MalformedEventException("unknown event type"));
        EventSchemas.requireValid(type, event.data());
        EventData data;
        try {
            data = mapper.treeToValue(event.data(), type.dataType());
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException(type.type() + " data does not bind to its record: "
                    + firstLine(e.getMessage()));
        }
        return new Delivery(new EventMetadata(event.id(), event.source(), type, event.subject(), event.time(),
                event.trace()), data);
    }

    /** Applies the event unless this service already has (the inbox row commits with the effects). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Delivery delivery) {
        apply(List.of(delivery));
    }

    /**
     * Applies the events this service has not applied before, in order, in the caller's transaction: their inbox
     * rows are written first, in one statement, and commit with the effects.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(List<Delivery> deliveries) {
        List<Delivery> wanted = deliveries.stream()
                .filter(d -> handlers.containsKey(d.metadata().type())).toList();
        if (wanted.isEmpty()) {
            return;
        }
        Set<String> first = inbox.firstDeliveries(wanted.stream().map(d -> d.metadata().id()).toList(),
                wanted.stream().map(d -> d.metadata().type().type()).toList(), service);
        List<Delivery> fresh = wanted.stream().filter(d -> first.remove(d.metadata().id())).toList();
        if (fresh.isEmpty()) {
            return;
        }
        batchEnd.open();
        prepare(fresh);
        // The first event of a type in the transaction is not timed as one of its type (costMillis): it also pays
        // what its handlers read once per transaction (improvement-service: an area's lock, centre and candidates),
        // which belongs to the transaction's own cost. Timed with it, a single piece looked so dear that the batch
        // was cut into one-piece transactions, each paying all of that again (issue 11).
        Set<EventCatalog> seen = EnumSet.noneOf(EventCatalog.class);
        for (Delivery delivery : fresh) {
            EventCatalog type = delivery.metadata().type();
            handle(delivery, handlers.get(type), !seen.add(type));
        }
        batchEnd.close();
    }

    /** Lets each handler load, in one go, what the events it is about to receive need. */
    @SuppressWarnings({ "unchecked", "rawtypes" })
    private void prepare(List<Delivery> deliveries) {
        Map<EventHandler<?>, List<EventData>> byHandler = new LinkedHashMap<>();
        for (Delivery delivery : deliveries) {
            for (EventHandler<?> handler : handlers.get(delivery.metadata().type())) {
                byHandler.computeIfAbsent(handler, h -> new ArrayList<>()).add(delivery.data());
            }
        }
        byHandler.forEach((handler, events) -> ((EventHandler) handler).prepare(events));
    }

    /**
     * Runs the transaction that applies {@code deliveries} in a span, so that its database work (the inbox rows,
     * what the handlers prepare for the whole batch, the flush at commit) belongs to a trace. One event: the span
     * is that event's {@code <type> process} span, a child of the producer's, and all of the transaction's work is
     * in the request's trace. Several (a batch under load): a {@code <topic> process} span linked to each event's
     * producer, as OpenTelemetry's messaging conventions have it for batches; each event still gets its own
     * {@code <type> process} span in its producer's trace for the work that is its alone, linked to the batch's.
     */
    public void traced(List<Delivery> deliveries, Runnable transaction) {
        Span span;
        Context context;
        if (deliveries.size() == 1) {
            Delivery only = deliveries.get(0);
            span = eventSpan(only.metadata(), null);
            context = Context.current().with(span).with(EVENT_SPAN, only.metadata().id());
        } else {
            String topic = deliveries.get(0).metadata().type().topic();
            SpanBuilder builder = tracer.spanBuilder(topic + " process").setSpanKind(SpanKind.CONSUMER)
                    .setNoParent().setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.destination.name", topic)
                    .setAttribute("messaging.batch.message_count", deliveries.size());
            for (Delivery delivery : deliveries) {
                Span producer = Span.fromContext(producerContext(delivery.metadata()));
                if (producer.getSpanContext().isValid()) {
                    builder.addLink(producer.getSpanContext());
                }
            }
            span = builder.startSpan();
            context = Context.current().with(span);
        }
        try (Scope scope = context.makeCurrent()) {
            transaction.run();
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Span eventSpan(EventMetadata metadata, Span batch) {
        SpanBuilder builder = tracer.spanBuilder(metadata.type().type() + " process").setSpanKind(SpanKind.CONSUMER)
                .setParent(producerContext(metadata)).setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", metadata.type().topic())
                .setAttribute("messaging.message.id", metadata.id());
        if (batch != null && batch.getSpanContext().isValid()) {
            builder.addLink(batch.getSpanContext());
        }
        return builder.startSpan();
    }

    private static Context producerContext(EventMetadata metadata) {
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), metadata.trace(), TRACE_GETTER);
    }

    /** @param timed whether its time counts as its type's cost and as handling time ({@link #handlingNanos}) */
    private void handle(Delivery delivery, List<EventHandler<?>> interested, boolean timed) {
        // The handlers run in a span of the producer's trace, so one request can be followed through Kafka; what
        // they write (rows, events through the outbox) belongs to it too. When the transaction applies this event
        // alone, its span is already open (traced); otherwise it gets its own, linked to the batch's.
        EventMetadata metadata = delivery.metadata();
        boolean own = !metadata.id().equals(Context.current().get(EVENT_SPAN));
        Span span = own ? eventSpan(metadata, Span.current()) : Span.current();
        long started = System.nanoTime();
        try (Scope scope = own ? span.makeCurrent() : Scope.noop()) {
            for (EventHandler<?> handler : interested) {
                dispatch(handler, delivery);
            }
            if (timed) {
                long took = System.nanoTime() - started;
                HANDLING.get()[0] += took;
                costs.merge(metadata.type(), took / 1e6, (old, now) -> old + (now - old) / 8);
            }
        } catch (RuntimeException e) {
            if (own) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
            }
            throw e;
        } finally {
            if (own) {
                span.end();
            }
        }
    }

    private static final TextMapGetter<Map<String, String>> TRACE_GETTER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    @SuppressWarnings("unchecked")
    private static <T extends EventData> void dispatch(EventHandler<T> handler, Delivery delivery) {
        handler.handle((T) delivery.data(), delivery.metadata());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
