package io.hrloop.common.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;

import io.hrloop.common.db.DatabaseTrouble;
import io.hrloop.common.time.Times;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Prunes the tables that only grow, once across replicas (see {@link ClusterLock}), in chunks so that no
 * transaction runs long. The periods outlast redelivery: Kafka keeps events 7 days by default and a
 * consumer group's offsets as long, so an inbox row older than 30 days can no longer stop a duplicate.
 */
@ApplicationScoped
public class Retention {

    @ConfigMapping(prefix = "hrloop.retention")
    public interface Config {
        /** Processed-event ids: longer than any redelivery (topic retention and consumer offsets). */
        @WithDefault("P30D")
        Duration inbox();

        /** Stored first responses of Idempotency-Key requests: how long a client may retry. */
        @WithDefault("P7D")
        Duration idempotency();

        /** Dead letters an operator replayed or discarded. */
        @WithDefault("P90D")
        Duration resolvedDeadLetters();

        /** Rows deleted per transaction. */
        @WithDefault("5000")
        int chunk();
    }

    private final Config config;
    private final Instance<RetentionRule> serviceRules;
    private final ClusterLock lock;
    private final EntityManager entityManager;
    private final Times times;

    public Retention(Config config, Instance<RetentionRule> serviceRules, ClusterLock lock, EntityManager entityManager,
            Times times) {
        this.config = config;
        this.serviceRules = serviceRules;
        this.lock = lock;
        this.entityManager = entityManager;
        this.times = times;
    }

    public List<RetentionRule> rules() {
        List<RetentionRule> rules = new ArrayList<>();
        rules.add(new RetentionRule("inbox_event", "processed_at", config.inbox(), "true"));
        rules.add(new RetentionRule("idempotency_record", "created_at", config.idempotency(), "true"));
        rules.add(new RetentionRule("dead_letter", "resolved_at", config.resolvedDeadLetters(), "status <> 'PARKED'"));
        serviceRules.forEach(rules::add);
        return rules;
    }

    @Scheduled(every = "${hrloop.retention.every:1h}", delay = 2, delayUnit = java.util.concurrent.TimeUnit.MINUTES,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        try {
            prune();
        } catch (RuntimeException e) {
            if (DatabaseTrouble.isDatabaseTrouble(e)) {
                Log.warnf("Retention skipped: database unavailable");
            } else {
                Log.error("Retention failed", e);
            }
        }
    }

    /** Runs every rule to the end; returns the rows deleted. */
    public long prune() {
        long total = 0;
        for (RetentionRule rule : rules()) {
            int deleted;
            do {
                deleted = QuarkusTransaction.requiringNew().call(() -> chunk(rule));
                total += Math.max(deleted, 0);
            } while (deleted == config.chunk());
        }
        return total;
    }

    private int chunk(RetentionRule rule) {
        if (!lock.tryAcquire("retention:" + rule.table())) {
            return -1;
        }
        int deleted = entityManager.createNativeQuery("delete from " + rule.table() + " where ctid in (select ctid from "
                + rule.table() + " where " + rule.column() + " < ?1 and (" + rule.condition() + ") limit ?2)")
                .setParameter(1, times.nowUtc().minus(rule.keep())).setParameter(2, config.chunk()).executeUpdate();
        if (deleted > 0) {
            Log.infof("Retention: %d rows older than %s deleted from %s", deleted, rule.keep(), rule.table());
        }
        return deleted;
    }
}
