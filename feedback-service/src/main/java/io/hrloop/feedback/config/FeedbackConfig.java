package io.hrloop.feedback.config;

import java.time.Duration;
import java.util.Set;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of feedback-service, with its default. */
@ConfigMapping(prefix = "hrloop.feedback")
public interface FeedbackConfig {

    Survey survey();

    Insights insights();

    Recovery recovery();

    /**
     * Request types treated as confidential even before an event has said so: their feedback never
     * appears in insights below team level.
     */
    @WithDefault("employee-relations-concern")
    Set<String> confidentialRequestTypes();

    /**
     * How often the events of anonymous feedback are released, shuffled, to the outbox (also set as
     * {@code hrloop.feedback.anonymous-release-every} for the scheduler). Longer is more private; the
     * event carries only the date either way.
     */
    @WithDefault("1h")
    String anonymousReleaseEvery();

    /**
     * Where people reach this service's pages from outside (HRLOOP_FEEDBACK_PUBLIC_URL): the survey mail links to
     * {@code <public-url>/answer/<token>}.
     */
    @WithDefault("http://localhost:8082")
    String publicUrl();

    /** Longest comment excerpt carried by hr.feedback.received. */
    @WithDefault("500")
    int eventCommentExcerpt();

    interface Survey {
        /** At most one invitation per person within this period. */
        @WithDefault("P7D")
        Duration throttlePeriod();

        /** An invitation can be answered for this long. */
        @WithDefault("P28D")
        Duration expiry();
    }

    interface Insights {
        /** Groups with fewer responses than this are suppressed. */
        @WithDefault("5")
        int minResponses();

        /** Number of themes listed in a group's top themes. */
        @WithDefault("3")
        int topThemes();
    }

    interface Recovery {
        /** A survey answer with CSAT at or below this opens a follow-up. */
        @WithDefault("2")
        int csatAtMost();

        /** A survey answer with NPS at or below this (a detractor) opens a follow-up. */
        @WithDefault("6")
        int npsAtMost();
    }
}
