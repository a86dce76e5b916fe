package io.hrloop.request.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of request-service (prefix {@code hrloop.request}). */
@ConfigMapping(prefix = "hrloop.request")
public interface RequestConfig {

    /** How long after resolution the requester may reopen a request. */
    @WithDefault("P7D")
    Duration reopenWindow();

    /** How long after resolution a request is closed automatically. */
    @WithDefault("P14D")
    Duration autoCloseAfter();

    /** How often resolved requests are checked for automatic closing ({@code off} disables it on this replica). */
    @WithDefault("15m")
    String autoCloseInterval();

    /**
     * How long a replica keeps the request types and calendars it read (submissions and views use them on every
     * call). A change made through this replica takes effect at once; one made through another replica within
     * this time.
     */
    @WithDefault("PT5S")
    Duration catalogueCacheTtl();

    Sla sla();

    Reports reports();

    interface Reports {
        /**
         * Fewest requests a cell of the service-level report (request type × team × ISO week) must have to be
         * counted; smaller cells are left out of every figure and a group with none left is suppressed.
         */
        @WithDefault("5")
        int minGroupSize();
    }

    interface Sla {
        /** Share of a target's business time after which the target is at risk. */
        @WithDefault("0.8")
        double atRiskShare();

        /** The attainment the report measures the gap against (share of targets met). */
        @WithDefault("0.9")
        double attainmentGoal();

        /** How often the scheduler looks for at-risk and breached targets ({@code off} disables it). */
        @WithDefault("60s")
        String scanInterval();

        /** Requests locked and handled per scheduler transaction. */
        @WithDefault("100")
        int batchSize();
    }
}
