package io.hrloop.testsupport.fuzz;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import javax.sql.DataSource;

/** The number of rows of every table of a database (every schema but PostgreSQL's own), to tell that nothing changed. */
public final class TableCounts {

    private TableCounts() {
    }

    /** Rows per schema-qualified table, leaving out {@code excluded} (unqualified or qualified names). */
    public static Map<String, Long> of(DataSource dataSource, Set<String> excluded) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("select table_schema, table_name from information_schema.tables "
                    + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                    + "order by 1, 2")) {
                while (rs.next()) {
                    if (!excluded.contains(rs.getString(2)) && !excluded.contains(rs.getString(1) + "." + rs.getString(2))) {
                        tables.add("\"" + rs.getString(1) + "\".\"" + rs.getString(2) + "\"");
                    }
                }
            }
            Map<String, Long> counts = new TreeMap<>();
            for (String table : tables) {
                try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
                    rs.next();
                    counts.put(table.replace("\"", ""), rs.getLong(1));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The counts once two readings a little apart agree (a relay or a consumer may still be finishing). */
    public static Map<String, Long> settled(DataSource dataSource, Set<String> excluded) {
        Map<String, Long> last = of(dataSource, excluded);
        for (int i = 0; i < 40; i++) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, Long> now = of(dataSource, excluded);
            if (now.equals(last)) {
                return now;
            }
            last = now;
        }
        return last;
    }
}
