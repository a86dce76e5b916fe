package io.hrloop.common.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.hrloop.common.contract.PersonErased;
import io.hrloop.common.events.Envelope;
import io.hrloop.common.events.EventCatalog;
import io.hrloop.infra.Postgres;
import io.hrloop.testsupport.TestInfrastructure;

/** What the backbone tests do from outside the application: produce events, block the database, wait. */
public final class Backbone {

    public static final String DATABASE = "hrloop";
    private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules()
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private Backbone() {
    }

    /** Sends hr.person.erased for {@code personId} as request-service's relay would; returns the event id. */
    public static String sendErased(String personId) {
        String id = UUID.randomUUID().toString();
        try {
            byte[] data = MAPPER.writeValueAsBytes(new PersonErased(personId, "erased-" + personId,
                    OffsetDateTime.now(ZoneOffset.UTC), "admin-1"));
            send(personId, Envelope.serialize(id, "/hrloop/request-service", EventCatalog.PERSON_ERASED, personId,
                    OffsetDateTime.now(ZoneOffset.UTC), data));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Sends hr.person.erased for each person, in this order, under one Kafka key, in one flush of one producer. */
    public static void sendErasedTogether(String key, List<String> people) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers(), "linger.ms", "50"), new StringSerializer(),
                new ByteArraySerializer())) {
            for (String person : people) {
                byte[] data = MAPPER.writeValueAsBytes(new PersonErased(person, "erased-" + person,
                        OffsetDateTime.now(ZoneOffset.UTC), "admin-1"));
                producer.send(new ProducerRecord<>("hr.people", key, Envelope.serialize(UUID.randomUUID().toString(),
                        "/hrloop/request-service", EventCatalog.PERSON_ERASED, person, OffsetDateTime.now(ZoneOffset.UTC),
                        data)));
            }
            producer.flush();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes to hr.people (a poison message when they are not a CloudEvent). */
    public static void send(String key, byte[] value) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                TestInfrastructure.get().kafka().bootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("hr.people", key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Refuses new connections to the test database and ends the open ones, as a database going away does. */
    public static void refuseConnections() {
        admin("alter database " + DATABASE + " allow_connections false",
                "select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + DATABASE + "'");
    }

    public static void allowConnections() {
        admin("alter database " + DATABASE + " allow_connections true");
    }

    private static void admin(String... statements) {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl("postgres"),
                Postgres.USER, Postgres.PASSWORD); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs statements in the test database, through a connection of its own. */
    public static void execute(String... statements) {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl(DATABASE),
                Postgres.USER, Postgres.PASSWORD); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A count from the test database, through a connection of its own. */
    public static long count(String sql) {
        try (Connection connection = DriverManager.getConnection(TestInfrastructure.get().postgres().jdbcUrl(DATABASE),
                Postgres.USER, Postgres.PASSWORD); Statement statement = connection.createStatement();
                var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void await(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
