package io.hrloop.common.mail;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.jobs.RelayWorker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.mail.SMTPException;

/**
 * Sends the mail outbox through Quarkus Mailer and deletes what the server took. One relay runs per replica; it
 * takes due mail with {@code FOR UPDATE SKIP LOCKED} and holds it for a lease ({@code next_attempt_at} moves
 * ahead), so replicas never send one mail at the same time. It renders nothing: the text was fixed when the mail
 * was written.
 * <p>
 * A mail the server refuses for good (a 5xx reply) is parked at once; any other failure (connection refused,
 * 4xx, TLS, login) counts an attempt and the mail waits {@code backoff}, doubling up to {@code max-backoff},
 * until {@code max-attempts}, when it is parked. A server that does not answer within {@code send-timeout}
 * leaves the mail in doubt: it may still take it (a frozen server thawing), so the mail stays held for its lease
 * and the late answer decides (sent: deleted; failed: retried). Either kind of trouble ends the round; the rest
 * of the round's mail waits as long as the failed one. Delivery is at least once: a replica that dies between
 * the server's acceptance and the delete sends that mail again after the lease.
 */
@ApplicationScoped
public class MailRelay {

    private static final String CLAIM = """
            update mail_outbox set next_attempt_at = now() + ? * interval '1 millisecond'
            where id in (select id from mail_outbox where parked_at is null and next_attempt_at <= now()
                         order by next_attempt_at, id limit ? for update skip locked)
            returning id, recipient, kind, language, subject, text_body, html_body, attempts""";
    private static final String SENT = "delete from mail_outbox where id = ?";
    private static final String FAILED = "update mail_outbox set attempts = attempts + 1, last_error = ?, "
            + "next_attempt_at = now() + ? * interval '1 millisecond', parked_at = case when ? then now() end where id = ?";
    private static final String DEFER = "update mail_outbox set next_attempt_at = now() + ? * interval '1 millisecond' "
            + "where id = ? and parked_at is null";

    private final AgroalDataSource dataSource;
    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final String service;
    private final Counter sent;
    private final Counter failures;
    private final Counter parkedMails;
    private final RelayWorker worker;

    public MailRelay(AgroalDataSource dataSource, ReactiveMailer mailer, MailConfig config, MeterRegistry registry,
            @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.mailer = mailer;
        this.config = config;
        this.service = service;
        this.sent = Counter.builder("hrloop.mail.sent").description("Mails the SMTP server took").register(registry);
        this.failures = Counter.builder("hrloop.mail.failures")
                .description("Attempts to send a mail that failed or got no answer in time").register(registry);
        this.parkedMails = Counter.builder("hrloop.mail.parked.mails").description("Mails parked").register(registry);
        this.worker = new RelayWorker("mail-relay", config.relay().sweepInterval(), Duration.ofMillis(500),
                Duration.ofSeconds(10), "Mail relay could not read the mail outbox", () -> {
                    // Nothing due, or the server is in trouble: sleep until a commit wakes us or the sweep passes.
                    Round round = sendRound();
                    return round.taken() > 0 && !round.stopped();
                });
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            Log.info("Mail relay disabled by configuration");
            return;
        }
        launch();
    }

    void stop(@Observes ShutdownEvent event) {
        halt();
    }

    void launch() {
        worker.start();
    }

    void halt() {
        worker.stop();
    }

    /** Called after a transaction that wrote mail has committed. */
    public void wake() {
        worker.wake();
    }

    record Round(int taken, boolean stopped) {
    }

    /** Takes the due mail and sends it one by one; stops at the first sign that the server is in trouble. */
    Round sendRound() throws SQLException, InterruptedException {
        List<Row> rows = claim();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            CompletableFuture<Void> sending = mailer.send(mail(row)).subscribeAsCompletionStage();
            try {
                sending.get(config.relay().sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                sent(row);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                boolean refusedForGood = cause instanceof SMTPException smtp && smtp.isPermanent();
                Duration wait = failed(row, cause, refusedForGood);
                if (!refusedForGood) {
                    defer(rows.subList(i + 1, rows.size()), wait);
                    return new Round(rows.size(), true);
                }
            } catch (TimeoutException e) {
                inDoubt(row, sending);
                defer(rows.subList(i + 1, rows.size()), backoff(row.attempts + 1));
                return new Round(rows.size(), true);
            }
        }
        return new Round(rows.size(), false);
    }

    private Mail mail(Row row) {
        Mail mail = Mail.withText(row.to, row.subject, row.text);
        if (row.html != null) {
            mail.setHtml(row.html);
        }
        // One identity per mail across retries, so a receiving system can tell a repeat.
        mail.addHeader("Message-ID", "<mail-" + row.id + "." + service + "@hrloop.local>");
        mail.addHeader("Content-Language", row.language);
        mail.addHeader("Auto-Submitted", "auto-generated");
        return mail;
    }

    private List<Row> claim() throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, config.relay().lease().toMillis());
            claim.setInt(2, config.relay().batchSize());
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("id"), rs.getString("recipient"), rs.getString("kind"),
                            rs.getString("language"), rs.getString("subject"), rs.getString("text_body"),
                            rs.getString("html_body"), rs.getInt("attempts")));
                }
            }
        }
        rows.sort((a, b) -> Long.compare(a.id, b.id));
        return rows;
    }

    private void sent(Row row) {
        try {
            execute(SENT, statement -> statement.setLong(1, row.id));
            sent.increment();
            Log.debugf("Mail %d (%s) sent", row.id, row.kind);
        } catch (SQLException e) {
            // Not deleted: the lease runs out and the mail goes again (at least once, never lost).
            Log.warnf("Mail %d (%s) was sent but not marked as sent; it may be sent again: %s", row.id, row.kind,
                    e.getMessage());
        }
    }

    /** Counts a failed attempt; parks the mail when refused for good or out of attempts. Returns the wait. */
    private Duration failed(Row row, Throwable cause, boolean refusedForGood) {
        failures.increment();
        int attempts = row.attempts + 1;
        boolean park = refusedForGood || attempts >= config.relay().maxAttempts();
        Duration wait = backoff(attempts);
        String error = describe(cause);
        try {
            execute(FAILED, statement -> {
                statement.setString(1, error);
                statement.setLong(2, wait.toMillis());
                statement.setBoolean(3, park);
                statement.setLong(4, row.id);
            });
        } catch (SQLException e) {
            Log.warnf("Mail %d: the failed attempt was not recorded (%s); it is tried again after its lease", row.id,
                    e.getMessage());
        }
        if (park) {
            parkedMails.increment();
            Log.errorf("Mail %d (%s) parked after %d attempts: %s; it stays in mail_outbox (hrloop_mail_parked) until an"
                    + " operator sends it again (README, Mail)", row.id, row.kind, attempts, error);
        } else {
            Log.warnf("Mail %d (%s) not sent (attempt %d, next in %s): %s", row.id, row.kind, attempts, wait, error);
        }
        return wait;
    }

    /**
     * The server got the mail but has not answered: it may still take it. The mail stays held (its lease) and
     * the late answer decides; no second copy is sent meanwhile.
     */
    private void inDoubt(Row row, CompletableFuture<Void> sending) {
        failures.increment();
        Log.warnf("Mail %d (%s): no answer from the mail server within %s; held for its late answer", row.id, row.kind,
                config.relay().sendTimeout());
        sending.whenCompleteAsync((ok, error) -> {
            if (error == null) {
                sent(row);
            } else {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                failed(row, cause, cause instanceof SMTPException smtp && smtp.isPermanent());
            }
        }, Infrastructure.getDefaultWorkerPool());
    }

    private void defer(List<Row> rows, Duration wait) {
        for (Row row : rows) {
            try {
                execute(DEFER, statement -> {
                    statement.setLong(1, wait.toMillis());
                    statement.setLong(2, row.id);
                });
            } catch (SQLException e) {
                return; // their lease runs out instead
            }
        }
    }

    Duration backoff(int attempts) {
        Duration base = config.relay().backoff();
        Duration max = config.relay().maxBackoff();
        int doublings = Math.min(Math.max(attempts - 1, 0), 30);
        Duration wait = base.multipliedBy(1L << doublings);
        return wait.compareTo(max) > 0 || wait.isNegative() ? max : wait;
    }

    private static String describe(Throwable cause) {
        String text = cause == null ? "unknown" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        }
    }

    record Row(long id, String to, String kind, String language, String subject, String text, String html,
            int attempts) {
    }
}
