package io.hrloop.common.metrics;

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
 * Gauges of the outbox and the dead letters, read from the database on a schedule (not per scrape, so a
 * scrape never waits on the database): the backlog, the age of its oldest row, parked outbox rows and
 * parked inbound events. While the database is away they keep their last values.
 */
@Startup
@ApplicationScoped
public class BackboneMetrics {

    private static final String QUERY = """
            select (select count(*) from outbox_event where parked_at is null),
                   (select coalesce(extract(epoch from now() - min(created_at)), 0) from outbox_event where parked_at is null),
                   (select count(*) from outbox_event where parked_at is not null),
                   (select count(*) from dead_letter where status = 'PARKED' and direction = 'INBOUND')""";

    private final AgroalDataSource dataSource;
    private volatile double backlog;
    private volatile double oldestAgeSeconds;
    private volatile double parked;
    private volatile double deadLetters;

    public BackboneMetrics(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("hrloop.outbox.backlog", this, m -> m.backlog)
                .description("Outbox rows waiting to be published").register(registry);
        Gauge.builder("hrloop.outbox.oldest.age.seconds", this, m -> m.oldestAgeSeconds)
                .description("Age of the oldest outbox row waiting to be published").register(registry);
        Gauge.builder("hrloop.outbox.parked", this, m -> m.parked)
                .description("Outbox rows parked after failed publication (see /api/v1/dead-letters)").register(registry);
        Gauge.builder("hrloop.dead.letters.parked", this, m -> m.deadLetters)
                .description("Consumed events parked as dead letters (see /api/v1/dead-letters)").register(registry);
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
                deadLetters = rs.getLong(4);
            }
        } catch (SQLException e) {
            Log.debugf("Backbone gauges not refreshed: %s", e.getMessage());
        }
    }
}
