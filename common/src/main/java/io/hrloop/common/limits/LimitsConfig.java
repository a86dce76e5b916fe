package io.hrloop.common.limits;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The abuse limits of every service (each property also reads from its environment variable, e.g.
 * {@code hrloop.limits.writes-per-person} from {@code HRLOOP_LIMITS_WRITES_PER_PERSON}). Each limit is kept in
 * memory by each replica, so with n replicas a person or client may reach up to n times a limit.
 */
@ConfigMapping(prefix = "hrloop.limits")
public interface LimitsConfig {

    /** The profile named {@value #LOAD} lifts the per-person limits (writes, feedback) for load and fault tests. */
    String LOAD = "load";

    /** {@code production} (the default) or {@code load}; {@code HRLOOP_LIMITS_PROFILE} in the local stack. */
    @WithDefault("production")
    String profile();

    /**
     * Take the client's address from the last entry of {@code X-Forwarded-For} (the one the ingress appended).
     * Only behind a proxy that sets it: otherwise any client could pick its own address.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /** Writes (POST, PUT, PATCH, DELETE) one person may make per {@link #writesPeriod()}, on any endpoint. */
    @WithDefault("120")
    int writesPerPerson();

    @WithDefault("PT1M")
    Duration writesPeriod();

    /** Pieces of feedback, signed and anonymous together, one person may give per {@link #feedbackPeriod()}. */
    @WithDefault("20")
    int feedbackPerPerson();

    @WithDefault("PT1H")
    Duration feedbackPeriod();

    /** Survey-token look-ups and answers one client address may make per {@link #surveyTokensPeriod()}. */
    @WithDefault("30")
    int surveyTokensPerClient();

    @WithDefault("PT1M")
    Duration surveyTokensPeriod();

    /** How many people or clients each limit tracks at most (the least recently seen are forgotten first). */
    @WithDefault("100000")
    int maxTracked();
}
