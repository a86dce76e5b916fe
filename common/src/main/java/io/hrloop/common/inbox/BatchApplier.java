package io.hrloop.common.inbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.db.DatabaseTrouble;
import io.hrloop.common.events.MalformedEventException;
import io.hrloop.common.inbox.EventDispatcher.Delivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies one poll batch: the types no handler applies are skipped unread (by the {@code ce_type} header), the
 * rest in transactions of about {@link ConsumerConfig#transactionBudget()} of work each (all in one when they are
 * cheap), with an inbox row per event. When that fails and the database is healthy, the events
 * are applied one by one to find the failing one, which is dead-lettered after its attempts. Database trouble
 * is never an event's fault: the whole batch is given back ({@link RetryLater}) to be retried.
 */
@ApplicationScoped
public class BatchApplier {

    /** The batch cannot be applied now (database or dead-letter topic away); it is retried, never dead-lettered. */
    public static final class RetryLater extends RuntimeException {
        RetryLater(String message) {
            super(message, null, false, false);
        }
    }

    private final EventDispatcher dispatcher;
    private final DeadLetterPublisher deadLetters;
    private final AgroalDataSource dataSource;
    private final ConsumerConfig config;
    private final MeterRegistry registry;
    /**
     * Per topic: what a transaction has cost lately beyond its events' handlers (the inbox rows, the handlers'
     * batch reads, the deferred work, the commit), in milliseconds, a moving average over about the last 8.
     */
    private final Map<String, Double> fixedCosts = new ConcurrentHashMap<>();

    public BatchApplier(EventDispatcher dispatcher, DeadLetterPublisher deadLetters, AgroalDataSource dataSource,
            ConsumerConfig config, MeterRegistry registry) {
        this.dispatcher = dispatcher;
        this.deadLetters = deadLetters;
        this.dataSource = dataSource;
        this.config = config;
        this.registry = registry;
    }

    /** Whether the service has any handler at all (a service without one runs no consumer). */
    boolean consumesAnything() {
        return dispatcher.consumesAnything();
    }

    /**
     * Registers the consumer's counters at zero, so they are exported (and alerts on their rate work) before the
     * first event arrives.
     */
    void registerMeters(List<String> topics) {
        for (var type : dispatcher.handledTypes()) {
            registry.counter("hrloop.events.consumed", "topic", type.topic(), "type", type.type());
            registry.counter("hrloop.events.handler.failures", "type", type.type());
        }
        topics.forEach(topic -> registry.counter("hrloop.events.dead.lettered", "topic", topic));
    }

    void apply(ConsumerRecords<String, byte[]> records) {
        List<Pending> pending = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            String type = header(record, EventHeaders.TYPE);
            if (type != null && !dispatcher.wants(type)) {
                continue;
            }
            try {
                Delivery delivery = dispatcher.read(record.value());
                if (dispatcher.wants(delivery.metadata().type().type())) {
                    pending.add(new Pending(record, delivery));
                }
            } catch (MalformedEventException e) {
                deadLetter(record, null, e.getMessage());
            }
        }
        if (pending.isEmpty()) {
            return;
        }
        String topic = pending.getFirst().record().topic();
        double meanCost = pending.stream().mapToDouble(this::cost).average().orElse(1);
        for (List<Pending> chunk : chunks(pending, this::cost, budgetMillis(records.count(), pending.size(), meanCost,
                fixedCosts.getOrDefault(topic, 0.0), config))) {
            applyTogether(chunk, topic);
        }
    }

    private double cost(Pending p) {
        return dispatcher.costMillis(p.delivery().metadata().type());
    }

    /**
     * The work one transaction of a batch of {@code polled} records aims at, of which {@code pending} are to be
     * applied, at {@code meanCost} milliseconds each lately, when a transaction costs {@code fixedCost} besides its
     * events (what the first event of each type pays for reads once per transaction counts to the transaction:
     * {@link EventDispatcher#costMillis}). A full batch says more is waiting (a backlog):
     * {@link ConsumerConfig#backlogTransactionBudget()}.
     * Otherwise the budget that makes the batch's events wait least for their commit, on average: cut into
     * transactions of k events, the batch's events commit after {@code (N·c + k·c + N·F/k + F) / 2} on average,
     * least at {@code k = √(N·F/c)}, that is {@code √(N·F·c)} of work a transaction; never less than
     * {@link ConsumerConfig#transactionBudget()} (an event alone, or cheap ones) nor more than the backlog's. Under
     * intake with the loop, improvement-service's feedback came 200 to 400 events at a time, and cut by 100 ms of
     * work a piece dearer than that paid a transaction's round trips (some ten) to a busy database on its own.
     */
    static double budgetMillis(int polled, int pending, double meanCost, double fixedCost, ConsumerConfig config) {
        double usual = config.transactionBudget().toNanos() / 1e6;
        double backlog = config.backlogTransactionBudget().toNanos() / 1e6;
        if (polled >= config.maxPollRecords()) {
            return backlog;
        }
        return Math.min(backlog, Math.max(usual, Math.sqrt(pending * Math.max(fixedCost, 0) * meanCost)));
    }

    /**
     * The batch cut into runs of events that together cost about {@code budget} milliseconds, by what each has
     * cost lately ({@code cost}); an event dearer than the budget is a run of its own. A run that cannot commit for
     * database trouble gives the whole batch back ({@link RetryLater}); the runs already committed are skipped by
     * the inbox when it comes again.
     */
    static <T> List<List<T>> chunks(List<T> pending, ToDoubleFunction<T> cost, double budget) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>();
        double sum = 0;
        for (T p : pending) {
            double next = cost.applyAsDouble(p);
            if (!current.isEmpty() && sum + next > budget) {
                chunks.add(current);
                current = new ArrayList<>();
                sum = 0;
            }
            current.add(p);
            sum += next;
        }
        chunks.add(current);
        return chunks;
    }

    private void applyTogether(List<Pending> pending, String topic) {
        try {
            List<Delivery> deliveries = pending.stream().map(Pending::delivery).toList();
            long started = System.nanoTime();
            long handling = dispatcher.handlingNanos();
            dispatcher.traced(deliveries, () -> QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(deliveries)));
            double fixed = ((System.nanoTime() - started) - (dispatcher.handlingNanos() - handling)) / 1e6;
            fixedCosts.merge(topic, fixed, (old, now) -> old + (now - old) / 8);
            pending.forEach(this::counted);
        } catch (RuntimeException e) {
            if (DatabaseTrouble.isDatabaseTrouble(e) || !databaseReachable()) {
                throw new RetryLater("Database unavailable (" + summary(e) + ")");
            }
            // A handler failed on one of them: apply them one by one to find it.
            pending.forEach(this::applyAlone);
        }
    }

    private void applyAlone(Pending p) {
        for (int attempt = 1;; attempt++) {
            try {
                dispatcher.traced(List.of(p.delivery()),
                        () -> QuarkusTransaction.requiringNew().run(() -> dispatcher.apply(p.delivery())));
                counted(p);
                return;
            } catch (MalformedEventException e) {
                deadLetter(p.record(), p.delivery(), e.getMessage());
                return;
            } catch (RuntimeException e) {
                registry.counter("hrloop.events.handler.failures", "type", p.delivery().metadata().type().type())
                        .increment();
                if (DatabaseTrouble.isDatabaseTrouble(e) || !databaseReachable()) {
                    throw new RetryLater("Database unavailable (" + summary(e) + ")");
                }
                if (attempt >= config.maxAttempts()) {
                    Log.errorf(e, "Event %s (%s) failed %d times while the database is healthy; dead-lettering it",
                            p.delivery().metadata().id(), p.delivery().metadata().type().type(), attempt);
                    deadLetter(p.record(), p.delivery(), "processing failed: " + summary(e));
                    return;
                }
                try {
                    Thread.sleep(Duration.ofMillis(100L * attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new RetryLater("interrupted");
                }
            }
        }
    }

    private void counted(Pending p) {
        registry.counter("hrloop.events.consumed", "topic", p.record().topic(), "type",
                p.delivery().metadata().type().type()).increment();
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Delivery delivery, String reason) {
        try {
            deadLetters.park(record, delivery, reason);
        } catch (RuntimeException e) {
            if (DatabaseTrouble.isDatabaseTrouble(e) || !databaseReachable()) {
                throw new RetryLater("Database unavailable while dead-lettering (" + summary(e) + ")");
            }
            throw new RetryLater("Dead-letter topic unreachable (" + summary(e) + ")");
        }
    }

    /** A fresh look at the database: is a failure the work's or the database's? */
    boolean databaseReachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(3);
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    record Pending(ConsumerRecord<String, byte[]> record, Delivery delivery) {
    }
}
