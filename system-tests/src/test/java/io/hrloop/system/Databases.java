package io.hrloop.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Looks through every table of every service's database, as information_schema lists them: each text-like
 * column (text, varchar, char, json, jsonb, arrays, bytea) searched for a string.
 */
final class Databases {

    static final List<String> SERVICES = List.of("request", "feedback", "improvement");

    record Column(String database, String table, String column, String type) {
    }

    private Databases() {
    }

    /** Every text-like column of every base table of the three databases. */
    static List<Column> textColumns() {
        List<Column> columns = new ArrayList<>();
        for (String database : SERVICES) {
            try (Connection connection = Suite.database(database); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("""
                            select c.table_name, c.column_name, c.data_type from information_schema.columns c
                            join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
                            where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                              and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'bytea', 'ARRAY')
                            order by c.table_name, c.column_name""")) {
                while (rs.next()) {
                    columns.add(new Column(database, rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return columns;
    }

    /** How many base tables the three databases have. */
    static long tables() {
        long tables = 0;
        for (String database : SERVICES) {
            try (Connection connection = Suite.database(database); Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("select count(*) from information_schema.tables "
                            + "where table_schema = current_schema() and table_type = 'BASE TABLE'")) {
                rs.next();
                tables += rs.getLong(1);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return tables;
    }

    /** Rows per "database.table.column" that contain {@code needle}; only columns with at least one row are listed. */
    static Map<String, Long> occurrences(List<Column> columns, String needle) {
        Map<String, Long> found = new TreeMap<>();
        for (String database : SERVICES) {
            try (Connection connection = Suite.database(database)) {
                for (Column c : columns) {
                    if (!c.database().equals(database)) {
                        continue;
                    }
                    String column = "\"" + c.column() + "\"";
                    String condition = c.type().equals("bytea") ? "position(convert_to(?, 'UTF8') in " + column + ") > 0"
                            : "strpos(" + column + "::text, ?) > 0";
                    try (PreparedStatement statement = connection.prepareStatement(
                            "select count(*) from \"" + c.table() + "\" where " + condition)) {
                        statement.setString(1, needle);
                        try (ResultSet rs = statement.executeQuery()) {
                            rs.next();
                            if (rs.getLong(1) > 0) {
                                found.put(database + "." + c.table() + "." + c.column(), rs.getLong(1));
                            }
                        }
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    /** The values of the first column of {@code sql} in one service's database, as text. */
    static List<String> strings(String database, String sql, Object... parameters) {
        List<String> values = new ArrayList<>();
        try (Connection connection = Suite.database(database);
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }
}
