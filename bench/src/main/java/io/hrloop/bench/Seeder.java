package io.hrloop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bulk-inserts the history the reads are measured on, with SQL {@code insert ... select from
 * generate_series} straight into the services' databases (the scripts beside this class say what
 * they write). Ids derive from the row number, so a second run sees the rows and seeds nothing.
 */
final class Seeder {

    private final int postgresPort;

    Seeder(int postgresPort) {
        this.postgresPort = postgresPort;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + postgresPort + "/" + database, "postgres",
                "postgres");
    }

    /** Seeds everything that is missing; returns what it did, one line each. */
    String seed(int requests, int feedback, int items) throws Exception {
        StringBuilder done = new StringBuilder();
        done.append(seedOnce("improvement", "improvement_item", "bench-item-", items, "seed-improvements.sql", items));
        done.append(seedOnce("request", "hr_request", "bench-request-", requests, "seed-requests.sql", requests));
        done.append(seedOnce("feedback", "feedback", "bench-feedback-", feedback, "seed-feedback.sql", feedback));
        return done.toString();
    }

    private String seedOnce(String database, String table, String idPrefix, int rows, String script, int count)
            throws Exception {
        try (Connection c = connect(database)) {
            long existing = scalar(c, "select count(*) from " + table);
            // the last row's id tells whether this many rows were seeded before
            if (scalar(c, "select count(*) from " + table + " where id = md5('" + idPrefix + rows + "')::uuid") > 0) {
                return String.format("%s: %,d bench rows already there (%,d in all)%n", table, rows, existing);
            }
            if (items(table) && existing >= 1000) {
                return String.format("%s: %,d rows already there, none added%n", table, existing);
            }
            if (scalar(c, "select count(*) from " + table + " where id = md5('" + idPrefix + "1')::uuid") > 0) {
                throw new IllegalStateException(table + " holds a different number of bench rows than " + rows
                        + ": start the stack with --fresh");
            }
            long began = System.nanoTime();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String statement : script(script, count).split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum analyze");
                s.execute("checkpoint");
            }
            return String.format("%s: seeded %,d rows in %.0f s%n", table, count, (System.nanoTime() - began) / 1e9);
        }
    }

    private static boolean items(String table) {
        return table.equals("improvement_item");
    }

    static long scalar(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String script(String name, int rows) throws IOException {
        try (InputStream in = Seeder.class.getResourceAsStream(name)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${rows}", String.valueOf(rows));
            // drop comment lines so that the split on ";" sees statements only
            return sql.lines().filter(l -> !l.startsWith("--")).reduce("", (a, b) -> a + b + "\n");
        }
    }
}
