package io.hrloop.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Consumer throughput on an otherwise idle stack: a backlog of contract events ({@link Backlog}) is produced
 * straight to a topic the services consume, as fast as one producer sends, and each consumer group's committed
 * offsets (AdminClient, every 200 ms) are followed until it has caught up. The rate counts what a group committed
 * after the last event was acknowledged, over the time from then until its lag was 0, so that the seconds in
 * which producing competed for the CPUs are left out; the per-second rates give the p50.
 */
final class Drain {

    static final double TARGET = 2000;
    private static final Duration SAMPLE = Duration.ofMillis(200);

    /** One group's drain of one backlog. */
    record Result(String group, String topic, int events, double seconds, double perSecond, double p50,
            List<Double> perSecondRates, double publishedAfter, long behind, long deadLettered, double cpuPerThousand) {
        boolean pass() {
            return behind == 0 && deadLettered == 0 && perSecond >= TARGET;
        }
    }

    private record Sample(long nanos, Map<String, Lag.Position> positions) {
    }

    private final Bench.Options o;
    private final Bench.Stack stack;
    private final Report report;

    Drain(Bench.Options o, Bench.Stack stack, Report report) {
        this.o = o;
        this.stack = stack;
        this.report = report;
    }

    void run() {
        if (o.drainWarmup > 0) {
            // The same kinds of events, not measured: the services' JIT compilers and connection pools warm up
            // (a cold service spent its first half minute at a third of its later rate).
            drain("hr.requests", List.of("feedback-service", "improvement-service"), Backlog.requests(o.drainWarmup));
            if (o.drainFeedback > 0) {
                // as many as hr.requests: with a fifth as many, improvement-service drained its measured backlog at
                // 600-1,400 events/s for 9 s and then at 1,700-2,400, still compiling the feedback path
                drain("hr.feedback", List.of("improvement-service"), Backlog.feedback(o.drainWarmup));
            }
        }
        List<String> mixes = new ArrayList<>();
        List<Result> results = new ArrayList<>();
        Backlog.Events requests = Backlog.requests(o.drainEvents);
        mixes.add("`hr.requests`: " + requests.mix());
        results.addAll(drain("hr.requests", List.of("feedback-service", "improvement-service"), requests));
        if (o.drainFeedback > 0) {
            Backlog.Events feedback = Backlog.feedback(o.drainFeedback);
            mixes.add("`hr.feedback`: " + feedback.mix() + " (one in ten with CSAT 1 or 2, none with a comment)");
            results.addAll(drain("hr.feedback", List.of("improvement-service"), feedback));
        }
        List<String> lines = new ArrayList<>();
        for (Result r : results) {
            String figure = Report.f("%,.0f events/s (p50 of the per-second rate %,.0f), %s; %d dead letters, "
                    + "%.2f CPU s per 1,000 events", r.perSecond(), r.p50(), r.behind() == 0
                            ? Report.f("drained %.1f s after the last event was acknowledged", r.seconds())
                            : Report.f("%,d still behind after %.0f s", r.behind(), r.seconds()),
                    r.deadLettered(), r.cpuPerThousand());
            report.row("5 consumers", Report.f("%s drains %,d `%s` events", r.group(), r.events(), r.topic()), figure,
                    "≥ 2000 events/s", r.pass());
            lines.add(Report.f("- %s on `%s`: produced in %.1f s; per-second rates %s", r.group(), r.topic(),
                    r.publishedAfter(), String.join(" ", r.perSecondRates().stream().map(v -> Report.f("%,.0f", v))
                            .toList())));
        }
        report.section("Consumers on an idle stack", """
                Nothing else runs. First a warm-up backlog of %,d `hr.requests` and %,d `hr.feedback` events of \
                the same kinds is drained unmeasured. Then a backlog of events is produced straight to the topic with one Kafka producer \
                (batched, acks=all), each event a record of the contract (`io.hrloop.common.contract`) written as the \
                outbox writes it (`Envelope.of`: schema-checked data in the CloudEvents envelope; the relay's \
                `ce_type` header; the aggregate as key) with a fresh id, so that every inbox applies it. Both groups \
                consume `hr.requests` at the same time, as they do in production; only improvement-service \
                consumes `hr.feedback`. A group's rate is what it committed (AdminClient, every 200 ms) after the \
                last event was acknowledged, divided by the time until its lag was 0; the per-second rates below \
                are over the same window. CPU is the service process's over the whole backlog.

                %s

                %s""".formatted(o.drainWarmup, o.drainFeedback > 0 ? o.drainWarmup : 0,
                String.join("\n", mixes.stream().map(m -> "- " + m).toList()), String.join("\n", lines)));
    }

    private List<Result> drain(String topic, List<String> groups, Backlog.Events events) {
        Bench.step(Report.f("Draining %,d %s events (%s)", events.records().size(), topic, String.join(", ", groups)));
        try (Lag lag = new Lag(stack.kafka())) {
            awaitQuiet(lag, topic, groups);
            Map<String, Long> dlq = new HashMap<>();
            Map<String, Double> cpu = new HashMap<>();
            for (String group : groups) {
                dlq.put(group, lag.endOffsets("hr.dlq." + group));
                cpu.put(group, Procs.cpuSeconds(stack.services().get(group)));
            }
            long started = System.nanoTime();
            publish(events);
            List<Sample> samples = new ArrayList<>();
            samples.add(new Sample(System.nanoTime(), lag.positions(topic, groups)));
            long deadline = System.nanoTime() + o.drainCap.multipliedBy(3).toNanos();
            while (System.nanoTime() < deadline && samples.getLast().positions().values().stream().anyMatch(p -> p.lag() > 0)) {
                Http.sleep(SAMPLE);
                samples.add(new Sample(System.nanoTime(), lag.positions(topic, groups)));
            }
            double publishedAfter = (samples.getFirst().nanos() - started) / 1e9;
            List<Result> results = new ArrayList<>();
            for (String group : groups) {
                double cpuSeconds = Procs.cpuSeconds(stack.services().get(group)) - cpu.get(group);
                long deadLettered = lag.endOffsets("hr.dlq." + group) - dlq.get(group);
                results.add(result(group, topic, events.records().size(), samples, publishedAfter, deadLettered,
                        cpuSeconds));
            }
            return results;
        }
    }

    private static Result result(String group, String topic, int events, List<Sample> samples, double publishedAfter,
            long deadLettered, double cpuSeconds) {
        Sample first = samples.getFirst();
        Sample done = samples.stream().filter(s -> s.positions().get(group).lag() == 0).findFirst()
                .orElse(samples.getLast());
        double seconds = (done.nanos() - first.nanos()) / 1e9;
        long consumed = done.positions().get(group).committed() - first.positions().get(group).committed();
        List<Double> rates = new ArrayList<>();
        for (int k = 0; k + 1 <= seconds; k++) {
            rates.add(committedAt(samples, group, first.nanos() + (k + 1) * 1_000_000_000L)
                    - committedAt(samples, group, first.nanos() + k * 1_000_000_000L));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        double p50 = sorted.isEmpty() ? Double.NaN : sorted.get((sorted.size() - 1) / 2);
        double perSecond = seconds > 0 ? consumed / seconds : Double.NaN;
        return new Result(group, topic, events, seconds, perSecond, p50, rates, publishedAfter,
                done.positions().get(group).lag(), deadLettered, 1000 * cpuSeconds / events);
    }

    /** A group's committed offsets at a moment, interpolated between the samples around it. */
    private static double committedAt(List<Sample> samples, String group, long nanos) {
        for (int i = 1; i < samples.size(); i++) {
            Sample after = samples.get(i);
            if (after.nanos() >= nanos) {
                Sample before = samples.get(i - 1);
                double share = (double) (nanos - before.nanos()) / Math.max(1, after.nanos() - before.nanos());
                long from = before.positions().get(group).committed();
                return from + share * (after.positions().get(group).committed() - from);
            }
        }
        return samples.getLast().positions().get(group).committed();
    }

    /** Waits (at most the drain cap) until the groups have caught up on the topic. */
    private void awaitQuiet(Lag lag, String topic, List<String> groups) {
        long end = System.nanoTime() + o.drainCap.toNanos();
        while (System.nanoTime() < end && lag.positions(topic, groups).values().stream().anyMatch(p -> p.lag() > 0)) {
            Http.sleep(Duration.ofSeconds(1));
        }
    }

    /** Sends every record and waits until the broker has acknowledged them all. */
    private void publish(Backlog.Events events) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:" + stack.kafka());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "bench-drain-" + UUID.randomUUID());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(),
                new ByteArraySerializer())) {
            List<java.util.concurrent.Future<?>> sent = new ArrayList<>(events.records().size());
            for (ProducerRecord<String, byte[]> record : events.records()) {
                sent.add(producer.send(record));
            }
            producer.flush();
            for (java.util.concurrent.Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("producing the backlog failed: " + e.getMessage(), e);
        }
    }
}
