package io.hrloop.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The one results table (figure, target, PASS/MISS) with the machine it ran on, followed by the
 * details that explain it; printed and written to bench/RESULTS.md as Markdown.
 */
final class Report {

    private record Row(String area, String what, String figure, String target, String verdict) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final StringBuilder details = new StringBuilder();
    private final String header;

    Report(String header) {
        this.header = header;
    }

    /** A row with a target; {@code pass} null means no verdict (information only). */
    void row(String area, String what, String figure, String target, Boolean pass) {
        rows.add(new Row(area, what, figure, target, pass == null ? "" : pass ? "PASS" : "**MISS**"));
    }

    void info(String area, String what, String figure) {
        row(area, what, figure, "", null);
    }

    /** A Markdown section below the table. */
    void section(String title, String markdown) {
        details.append("\n### ").append(title).append("\n\n").append(markdown.strip()).append('\n');
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String ms(double millis) {
        return Double.isNaN(millis) ? "–" : millis < 10 ? f("%.1f", millis) : f("%.0f", millis);
    }

    String markdown() {
        StringBuilder md = new StringBuilder(header.strip()).append("\n\n");
        md.append("| area | measurement | figure | target | |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            md.append("| ").append(r.area()).append(" | ").append(r.what()).append(" | ").append(r.figure()).append(" | ")
                    .append(r.target()).append(" | ").append(r.verdict()).append(" |\n");
        }
        return md.append(details).toString();
    }

    void write(Path file) throws IOException {
        Files.writeString(file, markdown());
    }
}
