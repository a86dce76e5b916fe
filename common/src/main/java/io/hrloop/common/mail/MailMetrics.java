package io.hrloop.common.mail;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Gauges of the mail outbox, read from the database on a schedule (a scrape never waits on the database): mail
 * waiting to be sent, the age of the oldest, and parked mail. While the database is away they keep their values.
 * The counters {@code hrloop_mail_sent_total} and {@code hrloop_mail_failures_total} are the relay's.
 */
@Startup
@ApplicationScoped
public class MailMetrics {

    private static final String QUERY = """
            select count(*) filter (where parked_at is null),
                   coalesce(extract(epoch from now() - min(created_at) filter (where parked_at is null)), 0),
                   count(*) filter (where parked_at is not null)
            from mail_outbox""";

    private final AgroalDataSource dataSource;
    private volatile double backlog;
    private volatile double oldestAgeSeconds;
    private volatile double parked;

    public MailMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("hrloop.mail.backlog", this, m -> m.backlog).description("Mails waiting to be sent")
                .register(registry);
        Gauge.builder("hrloop.mail.oldest.age.seconds", this, m -> m.oldestAgeSeconds)
                .description("Age of the oldest mail waiting to be sent").register(registry);
        Gauge.builder("hrloop.mail.parked", this, m -> m.parked)
                .description("Mails parked after failing hrloop.mail.relay.max-attempts times or refused for good")
                .register(registry);
    }

    @Scheduled(every = "${hrloop.metrics.backbone-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(5);
            try (ResultSet rs = statement.executeQuery(QUERY)) {
                rs.next();
                backlog = rs.getLong(1);
                oldestAgeSeconds = rs.getDouble(2);
                parked = rs.getLong(3);
            }
        } catch (SQLException e) {
            Log.debugf("Mail gauges not refreshed: %s", e.getMessage());
        }
    }
}
