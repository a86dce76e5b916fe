package io.hrloop.common.db;

import java.sql.PreparedStatement;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * A write statement on the session's own connection (so in its transaction) that does not flush the session first.
 * For a table no entity of the session changes (one no entity maps, or one the caller's transaction changes only
 * this way), where a flush could never be needed.
 * <p>
 * Why not a native query synchronised with that table: Hibernate 7 (7.2, {@code DefaultAutoFlushEventListener}) still
 * dirty-checks every entity in the session before it finds from the query spaces that no flush is needed, and does
 * it twice per statement. A consumer's batch holds its events' entities in the session, so each such statement cost
 * a pass over the whole batch: a quarter of feedback-service's consumer thread (JFR) while it drained hr.requests.
 */
public final class SessionJdbc {

    private SessionJdbc() {
    }

    /** Runs {@code sql} with {@code parameters} bound in order ({@code null} as SQL null); returns the rows changed. */
    public static int update(EntityManager entityManager, String sql, Object... parameters) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    statement.setObject(i + 1, parameters[i]);
                }
                return statement.executeUpdate();
            }
        });
    }
}
