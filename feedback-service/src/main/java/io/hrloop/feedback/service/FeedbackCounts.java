package io.hrloop.feedback.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.hrloop.feedback.domain.Feedback;
import io.hrloop.feedback.domain.Rollups;
import io.hrloop.feedback.domain.TextAnalyser;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Feedback entering insights and business metrics, in the transaction that brings it into sight: signed feedback
 * when it is given, anonymous feedback when its release batch is published (so no count moves at the moment
 * someone gives anonymous feedback). {@code hrloop_feedback_received_total{sentiment}} moves after commit.
 */
@ApplicationScoped
public class FeedbackCounts {

    private final RollupStore rollups;
    private final MeterRegistry registry;
    private final TransactionSynchronizationRegistry transactions;

    /** Prometheus: hrloop_feedback_received_total{sentiment}. */
    static final String RECEIVED = "hrloop.feedback.received";

    public FeedbackCounts(RollupStore rollups, MeterRegistry registry, TransactionSynchronizationRegistry transactions) {
        this.rollups = rollups;
        this.registry = registry;
        this.transactions = transactions;
        // every sentiment has a series from the start, so a rate over it works before the first piece arrives
        for (String sentiment : List.of("negative", "neutral", "positive", "none")) {
            registry.counter(RECEIVED, "sentiment", sentiment);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void count(Feedback feedback) {
        count(List.of(feedback));
    }

    /**
     * Counts a batch with one rollup write per row, in the rows' fixed order (as single responses lock them), so a
     * release batch and concurrent signed feedback never wait on each other in a cycle.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(List<Feedback> batch) {
        if (batch.isEmpty()) {
            return;
        }
        Map<Rollups.Key, Rollups.Counts> merged = new TreeMap<>(Rollups.KEY_ORDER);
        Map<String, Integer> bySentiment = new TreeMap<>();
        for (Feedback feedback : batch) {
            Rollups.ofFeedback(feedback).forEach(delta -> merged.merge(delta.key(), delta.counts(), Rollups.Counts::plus));
            String sentiment = feedback.sentiment == null ? "none"
                    : TextAnalyser.classify(feedback.sentiment).name().toLowerCase(Locale.ROOT);
            bySentiment.merge(sentiment, 1, Integer::sum);
        }
        rollups.add(merged.entrySet().stream().map(e -> new Rollups.Delta(e.getKey(), e.getValue())).toList());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    bySentiment.forEach((sentiment, n) -> registry.counter(RECEIVED, "sentiment", sentiment)
                            .increment(n));
                }
            }
        });
    }
}
