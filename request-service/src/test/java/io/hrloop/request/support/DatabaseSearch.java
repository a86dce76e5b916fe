package io.hrloop.request.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/**
 * Looks through every table of the service's database, as information_schema lists them: every text-like
 * column (text, varchar, char, json, jsonb, bytea) searched for a string, and a fingerprint of every table's
 * rows to tell whether anything changed.
 */
public final class DatabaseSearch {

    private final DataSource dataSource;

    public DatabaseSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    record Column(String table, String column, String type) {
    }

    List<Column> textColumns(Connection connection) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("""
                select c.table_name, c.column_name, c.data_type from information_schema.columns c
                join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                  and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea')
                order by c.table_name, c.column_name""")) {
            while (rs.next()) {
                columns.add(new Column(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
        }
        return columns;
    }

    /** Rows per "table.column" that contain {@code needle}; only columns with at least one row are listed. */
    public Map<String, Long> occurrences(String needle) {
        Map<String, Long> found = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (Column c : textColumns(connection)) {
                String condition = switch (c.type()) {
                    case "bytea" -> "position(convert_to(?, 'UTF8') in \"" + c.column() + "\") > 0";
                    case "json", "jsonb" -> "strpos(\"" + c.column() + "\"::text, ?) > 0";
                    default -> "strpos(\"" + c.column() + "\", ?) > 0";
                };
                try (PreparedStatement statement = connection.prepareStatement(
                        "select count(*) from \"" + c.table() + "\" where " + condition)) {
                    statement.setString(1, needle);
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.put(c.table() + "." + c.column(), rs.getLong(1));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }

    /** How many text-like columns the search looks at. */
    public int columnCount() {
        try (Connection connection = dataSource.getConnection()) {
            return textColumns(connection).size();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An md5 of every table's rows (all columns), except the tables named. */
    public Map<String, String> snapshot(Set<String> except) {
        Map<String, String> digests = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                if (except.contains(table)) {
                    continue;
                }
                try (ResultSet rs = statement.executeQuery("select md5(coalesce(string_agg(t::text, '|' order by "
                        + "t::text), '')) from \"" + table + "\" t")) {
                    rs.next();
                    digests.put(table, rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digests;
    }

    /** Waits until the relay has published every outbox row (events name people until they leave). */
    public void awaitOutboxDrained(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from outbox_event where parked_at is null")) {
                rs.next();
                if (rs.getLong(1) == 0) {
                    return;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the outbox was not drained within " + timeout);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
