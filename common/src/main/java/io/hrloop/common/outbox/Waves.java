package io.hrloop.common.outbox;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.header.internals.RecordHeaders;

import io.hrloop.common.inbox.EventHeaders;

/**
 * Sends a claimed batch so that each aggregate's events leave in order even when one fails: the n-th wave
 * holds each aggregate's n-th row, sent only once its (n-1)-th was acknowledged; a failed row stops its
 * aggregate for this batch. Tells which rows were delivered, which failed and whether the failure is the
 * row's own (the broker refuses it for good) or the broker's (nothing was taken).
 */
final class Waves {

    private Waves() {
    }

    /** Sends the batch wave by wave; see the class comment. */
    static Outcome send(Producer<String, byte[]> producer, Admin admin, Map<String, List<OutboxRelay.Row>> byAggregate,
            int maxEventBytes) throws InterruptedException {
        Outcome outcome = new Outcome();
        Map<String, Integer> next = new HashMap<>();
        byAggregate.keySet().forEach(key -> next.put(key, 0));
        while (!next.isEmpty()) {
            Map<OutboxRelay.Row, Future<?>> wave = new LinkedHashMap<>();
            for (Map.Entry<String, Integer> entry : next.entrySet()) {
                OutboxRelay.Row row = byAggregate.get(entry.getKey()).get(entry.getValue());
                if (row.payload().length > maxEventBytes) {
                    outcome.failed(row, "the event has " + row.payload().length + " bytes, more than the "
                            + maxEventBytes + " the relay sends", true);
                    continue;
                }
                int topicLimit = TopicLimits.maxMessageBytes(admin, row.topic());
                if (row.payload().length + TopicLimits.OVERHEAD > topicLimit) {
                    outcome.failed(row, "RecordTooLargeException: the event has " + row.payload().length
                            + " bytes, more than the " + topicLimit + " bytes topic " + row.topic()
                            + " accepts (max.message.bytes)", true);
                    continue;
                }
                RecordHeaders headers = EventHeaders.of(row.type());
                // The record carries the event's time (an anonymous event's is the day only), unless that lies
                // ahead of the clock (a broker refuses timestamps from the future): then the time it is sent.
                Long timestamp = row.eventTime() <= System.currentTimeMillis() ? row.eventTime() : null;
                wave.put(row, producer.send(new ProducerRecord<>(row.topic(), null, timestamp, row.key(), row.payload(),
                        headers)));
            }
            Map<String, Integer> following = new HashMap<>();
            for (Map.Entry<OutboxRelay.Row, Future<?>> sent : wave.entrySet()) {
                OutboxRelay.Row row = sent.getKey();
                try {
                    sent.getValue().get();
                    outcome.delivered.add(row);
                    int index = next.get(row.key()) + 1;
                    if (index < byAggregate.get(row.key()).size()) {
                        following.put(row.key(), index);
                    }
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    outcome.failed(row, cause.getClass().getSimpleName() + ": " + cause.getMessage(),
                            !(cause instanceof RetriableException));
                    if (outcome.firstFailure == null) {
                        outcome.firstFailure = cause instanceof Exception ex ? ex : new IllegalStateException(cause);
                    }
                }
            }
            next.clear();
            next.putAll(following);
        }
        outcome.brokerDown = !outcome.failed.isEmpty() && outcome.failed.stream().noneMatch(f -> f.permanent);
        return outcome;
    }

    record Failure(OutboxRelay.Row row, String error, boolean permanent) {
    }

    static final class Outcome {
        final List<OutboxRelay.Row> delivered = new ArrayList<>();
        final List<Failure> failed = new ArrayList<>();
        Exception firstFailure;
        boolean brokerDown;

        void failed(OutboxRelay.Row row, String error, boolean permanent) {
            failed.add(new Failure(row, error, permanent));
        }
    }
}
