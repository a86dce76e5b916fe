package io.hrloop.common.outbox;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.events.Envelope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes committed outbox rows to Kafka and deletes them. One relay runs per replica; rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas share the work without publishing a row
 * twice, and no "last id seen" watermark is kept (transactions commit out of id order). Events of
 * one aggregate leave in id order: a row is held back while an older row of its aggregate is claimed
 * by another replica. Woken on commit; the periodic sweep only picks up other replicas' leftovers
 * and retries after a broker outage.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final String CLAIM = "select id, topic, event_key, event_time, payload from outbox_event order by id limit ? for update skip locked";
    private static final String PENDING_OF_KEYS = "select id, event_key from outbox_event where event_key = any(?) order by id";
    private static final String DELETE = "delete from outbox_event where id = any(?)";

    private final AgroalDataSource dataSource;
    private final OutboxConfig config;
    private final Map<String, Object> kafkaConfig;
    private final Semaphore wakeUp = new Semaphore(0);
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter published;
    private Thread worker;
    private Producer<String, byte[]> producer;

    public OutboxRelay(AgroalDataSource dataSource, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
        this.published = Counter.builder("hrloop.outbox.published").description("Events published from the outbox")
                .register(registry);
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
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
        running.set(true);
        worker = Thread.ofPlatform().name("outbox-relay").daemon().start(this::run);
    }

    /** Stops publishing; what is unpublished stays in the outbox for the next relay. */
    synchronized void halt() {
        if (!running.getAndSet(false)) {
            return;
        }
        wakeUp.release();
        try {
            worker.join(Duration.ofSeconds(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    /** Called after a transaction that wrote the outbox has committed. */
    public void wake() {
        wakeUp.release();
    }

    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (!key.startsWith("health") && !key.startsWith("snappy") && !key.startsWith("devservices")) {
                props.put(key, value);
            }
        });
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        props.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    private void run() {
        long backoffMs = 0;
        while (running.get()) {
            try {
                int sent = publishBatch();
                backoffMs = 0;
                if (sent == 0) {
                    // Nothing claimable: sleep until a commit wakes us or the sweep interval passes.
                    wakeUp.tryAcquire(config.relay().sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUp.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMs = Math.min(Math.max(backoffMs * 2, 200), 5_000);
                Log.warnf("Outbox relay could not publish (retrying in %d ms): %s", backoffMs, e.getMessage());
                try {
                    Thread.sleep(backoffMs);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Claims, publishes and deletes one batch in one database transaction; returns the rows published. */
    int publishBatch() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Row> claimed = claim(connection);
                if (claimed.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                List<Row> publishable = inAggregateOrder(connection, claimed);
                List<Future<?>> acks = new ArrayList<>(publishable.size());
                for (Row row : publishable) {
                    ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic, null, row.timestamp, row.key,
                            row.payload, new RecordHeaders().add("content-type", Envelope.CONTENT_TYPE.getBytes()));
                    acks.add(producer.send(record));
                }
                for (Future<?> ack : acks) {
                    ack.get();
                }
                try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
                    Array ids = connection.createArrayOf("bigint", publishable.stream().map(r -> r.id).toArray());
                    delete.setArray(1, ids);
                    delete.executeUpdate();
                }
                connection.commit();
                published.increment(publishable.size());
                return publishable.size();
            } catch (Exception e) {
                connection.rollback();
                throw e;
            }
        }
    }

    private List<Row> claim(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(CLAIM)) {
            select.setInt(1, config.relay().batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    Timestamp time = rs.getTimestamp("event_time");
                    rows.add(new Row(rs.getLong("id"), rs.getString("topic"), rs.getString("event_key"),
                            time.getTime(), rs.getBytes("payload")));
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

    private record Row(long id, String topic, String key, long timestamp, byte[] payload) {
    }
}
