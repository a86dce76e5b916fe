package io.hrloop.feedback.api;

import java.util.ArrayList;
import java.util.List;

import io.hrloop.feedback.support.Db;

/** Searches every column of every table of the service's database for a value (text as text, binary as its UTF-8 bytes). */
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
            // Binary columns are searched for the value's bytes: decoding them as UTF-8 fails on bytes that are not
            // text (a hash, as in erased_person), which would stop the search rather than find anything.
            String condition = "bytea".equals(column[2]) ? "position(convert_to(?1, 'UTF8') in \"" + name + "\") > 0"
                    : "strpos(cast(\"" + name + "\" as text), ?1) > 0";
            Number hits = (Number) Db.single("select count(*) from \"" + table + "\" where " + condition, value);
            if (hits.longValue() > 0) {
                found.add(table + "." + name);
            }
        }
        return found;
    }
}
