package io.hrloop.common.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.jobs.RelayWorker;
import io.hrloop.common.kafka.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox rows to Kafka and deletes them. One relay runs per replica; rows are claimed
 * with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without publishing a row twice, and no
 * "last id seen" watermark is kept (transactions commit out of id order).
 * <p>
 * Events of one aggregate leave in id order: a row is held back while an older row of its aggregate is
 * claimed by another replica, the rows of a batch are sent in waves (the n-th row of an aggregate only once
 * its (n-1)-th is acknowledged), and a parked row holds back its aggregate's later rows. A row the broker
 * refuses while it takes others is retried, then parked (see {@link OutboxConfig.Relay#maxAttempts()}), so
 * one unpublishable event never blocks the other aggregates. When the broker takes nothing, nothing counts
 * against the rows: the relay backs off and retries.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CLAIM = """
            select o.id, o.event_id, o.topic, o.event_key, o.event_type, o.event_time, o.payload, o.attempts
            from outbox_event o
            where o.parked_at is null
              and not exists (select 1 from outbox_event p where p.event_key = o.event_key and p.parked_at is not null)
            order by o.id limit ? for update of o skip locked""";
    private static final String PENDING_OF_KEYS = "select id, event_key from outbox_event where event_key = any(?) order by id";
    private static final String DELETE = "delete from outbox_event where id = any(?)";
    private static final String FAILED = "update outbox_event set attempts = attempts + 1, last_error = ?, "
            + "parked_at = case when ? then now() else null end where id = ?";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final MeterRegistry registry;
    private final Counter published;
    private final RelayWorker worker;
    private Producer<String, byte[]> producer;
    private KafkaClientMetrics producerMetrics;
    private Admin admin;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.registry = registry;
        this.published = Counter.builder("hrloop.outbox.published").description("Events published from the outbox")
                .register(registry);
        this.worker = new RelayWorker("outbox-relay", config.relay().sweepInterval(), Duration.ofMillis(200),
                Duration.ofSeconds(5), "Outbox relay could not publish", () -> publishBatch().more(config.relay().batchSize()));
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            Log.info("Outbox relay disabled by configuration");
            return;
        }
        launch();
    }

    void stop(@Observes ShutdownEvent event) {
        halt();
    }

    /** Starts publishing on a thread of its own. */
    synchronized void launch() {
        KafkaProducer<String, byte[]> kafka = new KafkaProducer<>(producerConfig(), new StringSerializer(),
                new ByteArraySerializer());
        Map<String, Object> adminConfig = KafkaClients.properties(kafkaConfig);
        adminConfig.keySet().retainAll(AdminClientConfig.configNames());
        adminConfig.put(AdminClientConfig.CLIENT_ID_CONFIG, "outbox-relay-admin");
        admin = Admin.create(adminConfig);
        producerMetrics = new KafkaClientMetrics(kafka);
        producerMetrics.bindTo(registry);
        producer = kafka;
        worker.start();
    }

    /** Stops publishing; what is unpublished stays in the outbox for the next relay. */
    synchronized void halt() {
        if (!worker.stop()) {
            return;
        }
        producer.close(Duration.ofSeconds(5));
        producerMetrics.close();
        admin.close(Duration.ofSeconds(2));
    }

    /** Called after a transaction that wrote the outbox has committed. */
    public void wake() {
        worker.wake();
    }

    /** An operator sends a parked row back: the relay reads its topic's limit again, then tries. */
    public void retry(String topic) {
        TopicLimits.forget(topic);
        wake();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = KafkaClients.properties(kafkaConfig);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    /**
     * What a round did: the rows it claimed, published, and counted a failure against (the rest were held back
     * behind an older row of their aggregate that another replica holds).
     */
    record Round(int claimed, int published, int failed) {

        /**
         * Whether to claim again at once: a full batch may have left rows behind, a failed row is retried, and
         * held-back rows are free once the other replica's round ends. Otherwise the relay sleeps; rows committed
         * since this round began have already woken it.
         */
        boolean more(int batchSize) {
            return claimed >= batchSize || failed > 0 || published + failed < claimed;
        }
    }

    /**
     * Claims, publishes and deletes one batch in one database transaction. Throws when the broker took none of
     * the rows.
     */
    Round publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Row> claimed = claim(connection);
                if (claimed.isEmpty()) {
                    connection.commit();
                    return new Round(0, 0, 0);
                }
                Map<String, List<Row>> byAggregate = new LinkedHashMap<>();
                for (Row row : inAggregateOrder(connection, claimed)) {
                    byAggregate.computeIfAbsent(row.key, k -> new ArrayList<>()).add(row);
                }
                Waves.Outcome outcome = Waves.send(producer, admin, byAggregate, config.relay().maxEventBytes());
                if (outcome.delivered.isEmpty() && outcome.brokerDown) {
                    connection.rollback();
                    throw outcome.firstFailure;
                }
                try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                    Array ids = connection.createArrayOf("bigint", outcome.delivered.stream().map(r -> r.id).toArray());
                    delete.setArray(1, ids);
                    delete.executeUpdate();
                }
                recordFailures(connection, outcome.failed);
                connection.commit();
                published.increment(outcome.delivered.size());
                return new Round(claimed.size(), outcome.delivered.size(), outcome.failed.size());
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Counts a failed attempt against each row; parks a row whose event the broker will never take. */
    private void recordFailures(Connection connection, List<Waves.Failure> failures) throws SQLException {
        if (failures.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(FAILED)) {
            for (Waves.Failure failure : failures) {
                boolean park = failure.permanent() || failure.row().attempts + 1 >= config.relay().maxAttempts();
                String error = failure.error().length() > 2000 ? failure.error().substring(0, 2000) : failure.error();
                update.setString(1, error);
                update.setBoolean(2, park);
                update.setLong(3, failure.row().id);
                update.addBatch();
                if (park) {
                    registry.counter("hrloop.outbox.parked.events", "type", failure.row().type).increment();
                    Log.errorf("Outbox event %s (%s, aggregate %s) parked after %d attempts: %s; its aggregate's later"
                            + " events wait for an operator (/api/v1/dead-letters)", failure.row().eventId,
                            failure.row().type, failure.row().key, failure.row().attempts + 1, error);
                } else {
                    Log.warnf("Outbox event %s (%s) not published (attempt %d): %s", failure.row().eventId,
                            failure.row().type, failure.row().attempts + 1, error);
                }
            }
            update.executeBatch();
        }
    }

    private List<Row> claim(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("topic"),
                            rs.getString("event_key"), rs.getString("event_type"), rs.getTimestamp("event_time").getTime(),
                            rs.getBytes("payload"), rs.getInt("attempts")));
                }
            }
        }
        return rows;
    }

    /**
     * Keeps, per aggregate, the claimed rows up to the first pending row this relay did not claim
     * (another replica holds it): publishing past it would reorder that aggregate's events.
     */
    private List<Row> inAggregateOrder(Connection connection, List<Row> claimed) throws SQLException {
        Set<Long> claimedIds = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Row row : claimed) {
            claimedIds.add(row.id);
            keys.add(row.key);
        }
        Set<String> blocked = new HashSet<>();
        Set<Long> allowed = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement(PENDING_OF_KEYS)) {
            select.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String key = rs.getString(2);
                    if (blocked.contains(key)) {
                        continue;
                    }
                    if (claimedIds.contains(id)) {
                        allowed.add(id);
                    } else {
                        blocked.add(key);
                    }
                }
            }
        }
        return claimed.stream().filter(row -> allowed.contains(row.id)).toList();
    }

    record Row(long id, String eventId, String topic, String key, String type, long eventTime, byte[] payload,
            int attempts) {
    }
}
