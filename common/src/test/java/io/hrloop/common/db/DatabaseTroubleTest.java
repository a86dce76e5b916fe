package io.hrloop.common.db;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Which failures are the database's, never the work's (and never an event's). */
class DatabaseTroubleTest {

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08006", "53300", "57P01", "57P02", "57P03", "55000", "57014", "55P03", "40001" })
    void theseStatesAreTheDatabasesTrouble(String state) {
        assertTrue(DatabaseTrouble.isDatabaseTrouble(wrapped(new SQLException("server says no", state))));
    }

    @ParameterizedTest
    @ValueSource(strings = { "23505", "23503", "22001", "42P01", "42703" })
    void theseAreTheWorksOwnFault(String state) {
        assertFalse(DatabaseTrouble.isDatabaseTrouble(wrapped(new SQLException("constraint", state))));
    }

    @Test
    void aPoolThatCannotHandOutAConnectionOrAnUnreachableServerIsTrouble() {
        assertTrue(DatabaseTrouble.isDatabaseTrouble(wrapped(new SQLException(
                "Acquisition timeout while waiting for new connection"))));
        assertTrue(DatabaseTrouble.isDatabaseTrouble(wrapped(new SQLTransientConnectionException("gone"))));
        assertTrue(DatabaseTrouble.isDatabaseTrouble(wrapped(new ConnectException("Connection refused"))));
        // PgJDBC when a connect to a hung server is interrupted (the pool's acquisition timeout)
        assertTrue(DatabaseTrouble.isDatabaseTrouble(wrapped(new SQLException("Something unusual has occurred to cause "
                + "the driver to fail. Please report this exception.", null, new RuntimeException(
                        "Interrupted while attempting to connect.")))));
        assertFalse(DatabaseTrouble.isDatabaseTrouble(new IllegalStateException("a bug")));
    }

    private static RuntimeException wrapped(Exception cause) {
        return new jakarta.persistence.PersistenceException("could not execute statement",
                new RuntimeException("JDBC", cause));
    }
}
