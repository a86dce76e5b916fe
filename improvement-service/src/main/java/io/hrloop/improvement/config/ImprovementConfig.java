package io.hrloop.improvement.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Every setting of improvement-service, with its default. */
@ConfigMapping(prefix = "hrloop.improvement")
public interface ImprovementConfig {

    /** When feedback is negative enough to become evidence (any one condition is enough). */
    Negative negative();

    /** When service-level breaches of one request type become evidence. */
    Breaches breaches();

    Impact impact();

    Verification verification();

    /** Characters of a feedback comment kept as the evidence excerpt. */
    @WithDefault("280")
    int excerptLength();

    interface Negative {
        /** CSAT at or below this is negative. */
        @WithDefault("2")
        int csatAtMost();

        /** NPS at or below this (a detractor) is negative. */
        @WithDefault("6")
        int npsAtMost();

        /** Sentiment (−1…1) strictly below this is negative. */
        @WithDefault("-0.3")
        double sentimentBelow();
    }

    interface Breaches {
        /** Breaches of one request type within the window that make it a recurring gap. */
        @WithDefault("3")
        int threshold();

        @WithDefault("14")
        int windowDays();
    }

    interface Impact {
        /** Evidence loses half its weight every this many days. */
        @WithDefault("30")
        double halfLifeDays();

        /** Severity of one breach (one piece of feedback weighs up to 2.5). */
        @WithDefault("1.0")
        double breachWeight();

        /**
         * What one anonymous piece of feedback weighs against a signed one (below 1: one person may send many);
         * n anonymous pieces weigh together this × their mean severity × log2(1 + n).
         */
        @WithDefault("0.5")
        double anonymousWeight();

        /** How often the scores of open and implemented items are recomputed as their evidence ages. */
        @WithDefault("1h")
        Duration rescoreEvery();
    }

    interface Verification {
        /** Days of feedback before (and after) implementation that are compared. */
        @WithDefault("90")
        int windowDays();

        /**
         * Answers needed behind a figure about a group: below it, the CSAT figures (or the NPS) of a side are
         * suppressed; and answers with a CSAT since implementation needed before an item may be VERIFIED.
         */
        @WithDefault("5")
        int minResponses();

        /**
         * CSAT answers needed in the window before implementation for a verdict (below: NO_BASELINE); at least
         * min-responses counts whatever is set here, as a suppressed side has no share to compare.
         */
        @WithDefault("5")
        int minAnswersBefore();

        /** CSAT answers needed since implementation for a verdict (below: INSUFFICIENT_DATA); as above. */
        @WithDefault("5")
        int minAnswersAfter();

        /** The confidence of the two-proportion z-test: BETTER or WORSE only when the p-value is below 1 − this. */
        @WithDefault("0.95")
        double confidence();
    }

    /**
     * For this long after its rejection, a REJECTED item still takes the evidence of its gap (counted as "raised
     * again") instead of a new item being opened for it.
     */
    @WithDefault("P90D")
    Duration rejectedMemory();
}
