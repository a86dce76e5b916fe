package io.hrloop.common.limits;

import jakarta.enterprise.context.ApplicationScoped;

import io.hrloop.common.time.Times;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * The abuse limits of this replica, in memory: each replica counts on its own (no database write on every
 * call, and nothing about who did what survives a restart or reaches a backup), so behind n replicas a person
 * may reach up to n times a limit. Refusals are counted by limit in {@code hrloop_limits_refused_total}, never
 * by whom.
 */
@ApplicationScoped
public class RateLimits {

    private final boolean personLimitsLifted;
    private final Times times;
    private final MeterRegistry registry;
    private final TokenBuckets writes;
    private final TokenBuckets surveyTokens;
    private final UnlinkableCounter feedback;

    public RateLimits(LimitsConfig config, Times times, MeterRegistry registry) {
        this.personLimitsLifted = LimitsConfig.LOAD.equalsIgnoreCase(config.profile().strip());
        this.times = times;
        this.registry = registry;
        this.writes = new TokenBuckets(config.writesPerPerson(), config.writesPeriod(), config.maxTracked());
        this.surveyTokens = new TokenBuckets(config.surveyTokensPerClient(), config.surveyTokensPeriod(), config.maxTracked());
        this.feedback = new UnlinkableCounter(config.feedbackPerPerson(), config.feedbackPeriod(), config.maxTracked());
        if (personLimitsLifted) {
            Log.warn("Abuse limits: profile 'load', the per-person write and feedback limits are lifted");
        }
    }

    /** A write (POST, PUT, PATCH, DELETE) by {@code person}. */
    public Verdict write(String person) {
        return personLimitsLifted ? Verdict.ALLOWED : counted("writes", writes.tryAcquire(person));
    }

    /** A piece of feedback, signed or anonymous, given by {@code person}. */
    public Verdict feedback(String person) {
        return personLimitsLifted ? Verdict.ALLOWED : counted("feedback", feedback.tryAcquire(person, times.now()));
    }

    /** A survey-token look-up or answer from {@code client} (an address); never lifted. */
    public Verdict surveyToken(String client) {
        return counted("survey-tokens", surveyTokens.tryAcquire(client));
    }

    /** The feedback counter, as held: for tests that it keeps nothing linkable. */
    public UnlinkableCounter feedbackCounter() {
        return feedback;
    }

    private Verdict counted(String limit, Verdict verdict) {
        if (!verdict.allowed()) {
            registry.counter("hrloop_limits_refused_total", "limit", limit).increment();
        }
        return verdict;
    }
}
