package io.hrloop.feedback.config;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.hrloop.common.jobs.Retention;
import io.hrloop.common.jobs.RetentionRule;

/** This service's tables that only grow, pruned by the shared {@link Retention} job. */
@Singleton
public class RetentionRules {

    /**
     * The fingerprints that make an anonymous submission's retry return the first result: kept as long as any
     * Idempotency-Key (hrloop.retention.idempotency).
     */
    @Produces
    @Singleton
    RetentionRule anonymousSubmissions(Retention.Config config) {
        return new RetentionRule("anonymous_submission", "received_on", config.idempotency(), "true");
    }
}
