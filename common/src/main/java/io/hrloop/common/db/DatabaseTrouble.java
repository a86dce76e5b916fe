package io.hrloop.common.db;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells whether a failure is the database's (unreachable, slow, restarting, refusing connections) rather
 * than the work's. Such a failure is never an event's fault and never a client's: consumers wait and retry,
 * the API answers 503 with Retry-After.
 */
public final class DatabaseTrouble {

    /**
     * SQLStates of a database that cannot serve right now: 57P01 admin shutdown, 57P02 crash shutdown,
     * 57P03 cannot connect now (starting up), 55000 object not in prerequisite state (e.g. database not
     * accepting connections), 57014 query canceled (statement timeout), 55P03 lock not available (lock
     * timeout), 40001/40P01 serialization failure or deadlock (a retry succeeds).
     */
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "55000", "57014", "55P03", "40001",
            "40P01");

    private DatabaseTrouble() {
    }

    public static boolean isDatabaseTrouble(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 20; cause = cause.getCause(), depth++) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLTimeoutException || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("53") || STATES.contains(state))) {
                    return true;
                }
                // Agroal's pool acquisition timeout is a plain SQLException without a state.
                String message = sql.getMessage();
                if (state == null && message != null && (message.contains("Acquisition timeout")
                        || message.contains("Unable to acquire JDBC Connection")
                        || message.contains("This connection has been closed"))) {
                    return true;
                }
            }
            // PgJDBC's connect, interrupted while the server hangs (the pool gave up on it), says only this.
            if (cause.getMessage() != null && cause.getMessage().contains("Interrupted while attempting to connect")) {
                return true;
            }
            String name = cause.getClass().getName();
            if (name.equals("org.hibernate.exception.JDBCConnectionException")
                    || name.equals("org.hibernate.exception.LockTimeoutException")
                    || name.equals("jakarta.persistence.LockTimeoutException")
                    || name.equals("jakarta.persistence.QueryTimeoutException")
                    || name.equals("org.hibernate.QueryTimeoutException")) {
                return true;
            }
        }
        return false;
    }
}
