package io.hrloop.common.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The mail outbox's relay. The SMTP server itself is Quarkus Mailer's configuration ({@code quarkus.mailer.*},
 * from the environment: QUARKUS_MAILER_HOST, _PORT, _FROM, _USERNAME, _PASSWORD, _START_TLS).
 */
@ConfigMapping(prefix = "hrloop.mail")
public interface MailConfig {

    Relay relay();

    /**
     * The HR portal's address, for the link in mail that tells of news there (HRLOOP_MAIL_PORTAL_URL); without
     * it the mail names the portal without a link.
     */
    java.util.Optional<String> portalUrl();

    interface Relay {
        /** Whether this replica sends mail. */
        @WithDefault("true")
        boolean enabled();

        /** Mails taken per round. */
        @WithDefault("20")
        int batchSize();

        /** How often the relay looks for due mail when no commit has woken it (retries, other replicas' leftovers). */
        @WithDefault("5s")
        Duration sweepInterval();

        /** The wait before the first retry of a mail the server did not take; it doubles per attempt. */
        @WithDefault("30s")
        Duration backoff();

        /** The longest wait between two attempts. */
        @WithDefault("30m")
        Duration maxBackoff();

        /**
         * Failed attempts after which a mail is parked (kept, counted in {@code hrloop_mail_parked}, logged). 100
         * attempts with the defaults above are about two days of retries.
         */
        @WithDefault("100")
        int maxAttempts();

        /** How long the relay waits for the server to take one mail before it leaves it in doubt (see README). */
        @WithDefault("30s")
        Duration sendTimeout();

        /**
         * How long a relay holds a mail it took: no other replica takes it meanwhile. A mail left in doubt (the
         * server did not answer within the send timeout) is held this long for the late answer.
         */
        @WithDefault("10m")
        Duration lease();
    }
}
