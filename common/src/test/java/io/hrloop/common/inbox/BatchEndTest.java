package io.hrloop.common.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.hrloop.common.support.Backbone;
import io.hrloop.common.support.ConsumingProfile;
import io.hrloop.common.support.ProbeHandler;
import io.hrloop.infra.Postgres;
import io.hrloop.testsupport.RealInfrastructureResource;
import io.hrloop.testsupport.TestInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Work deferred to the end of a batch ({@link BatchEnd}) does not hold its rows for the whole batch: while a slow
 * event later in the same batch is applied, another transaction updates the row a tally event of that batch adds
 * to, at once. The tally still counts every event once.
 */
@QuarkusTest
@TestProfile(ConsumingProfile.class)
@WithTestResource(RealInfrastructureResource.class)
class BatchEndTest {

    @AfterEach
    void reset() {
        ProbeHandler.slowMillis = 0;
    }

    @Test
    void aRowTheBatchAddsToAtItsEndIsNotLockedWhileTheBatchRuns() throws Exception {
        int inOneBatch = 0;
        for (int attempt = 0; attempt < 3 && inOneBatch == 0; attempt++) {
            String key = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            Backbone.execute("insert into probe_tally (tally_key, n) values ('" + key + "', 0)");
            ProbeHandler.slowStarted = new CountDownLatch(1);
            ProbeHandler.slowMillis = 2_500;
            List<String> people = List.of("tally-" + key + "-1", "tally-" + key + "-2", "slow-" + key);
            Backbone.sendErasedTogether(key, people);
            assertTrue(ProbeHandler.slowStarted.await(60, TimeUnit.SECONDS), "the slow event is being applied");

            long waited = updateTallyRow(key);

            Backbone.await(Duration.ofSeconds(30), "the batch committed",
                    () -> Backbone.count("select count(*) from probe_effect where person_id like '%-" + key + "%'") == 3);
            assertEquals(2, Backbone.count("select n from probe_tally where tally_key = '" + key + "'"),
                    "each tally event counted once");
            long batches = Backbone.count("select count(distinct tx) from probe_effect where person_id like '%-" + key + "%'");
            if (batches == 1) {
                inOneBatch++;
                assertTrue(waited < 1_000, "the row was free while the batch applied its slow event; the update waited "
                        + waited + " ms");
            }
        }
        assertTrue(inOneBatch > 0, "in three attempts the tally and the slow event never arrived in one batch");
    }

    /** Updates the tally row from a connection of its own (1 s lock timeout); returns how long that took, in ms. */
    private static long updateTallyRow(String key) throws SQLException {
        try (Connection connection = DriverManager.getConnection(
                TestInfrastructure.get().postgres().jdbcUrl(Backbone.DATABASE), Postgres.USER, Postgres.PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("set lock_timeout = '1s'");
            long started = System.nanoTime();
            statement.executeUpdate("update probe_tally set n = n where tally_key = '" + key + "'");
            return (System.nanoTime() - started) / 1_000_000;
        }
    }
}
