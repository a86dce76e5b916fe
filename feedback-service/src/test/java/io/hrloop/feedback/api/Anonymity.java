package io.hrloop.feedback.api;

import java.util.ArrayList;
import java.util.List;

import io.hrloop.feedback.support.Db;

/** Searches every column of every table of the service's database for a value. */
public final class Anonymity {

    private Anonymity() {
    }

    public static List<String> columnsMentioning(String value) {
        List<String> found = new ArrayList<>();
        for (Object[] column : Db.rows("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = 'public' order by table_name, column_name""")) {
            String table = (String) column[0];
            String name = (String) column[1];
            String expression = "bytea".equals(column[2]) ? "convert_from(\"" + name + "\", 'UTF8')" : "cast(\"" + name + "\" as text)";
            Number hits = (Number) Db.single("select count(*) from \"" + table + "\" where " + expression + " like ?1",
                    "%" + value + "%");
            if (hits.longValue() > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }
}
