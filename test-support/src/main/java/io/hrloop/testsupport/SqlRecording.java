package io.hrloop.testsupport;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL that Hibernate sends for the calling thread while {@link #recording} runs, as the database receives it:
 * for tests of how many round trips a piece of work costs. A service's tests feed it from a Hibernate
 * {@code StatementInspector} ({@link #seen}); other threads (consumers, relays) are not recorded.
 */
public final class SqlRecording {

    private static final ThreadLocal<List<String>> RECORDING = new ThreadLocal<>();

    private SqlRecording() {
    }

    /** A statement Hibernate is about to send on this thread. */
    public static void seen(String sql) {
        List<String> recording = RECORDING.get();
        if (recording != null) {
            recording.add(sql);
        }
    }

    /** Runs {@code work} on this thread and returns the statements it sent. */
    public static List<String> recording(Runnable work) {
        List<String> statements = new ArrayList<>();
        RECORDING.set(statements);
        try {
            work.run();
        } finally {
            RECORDING.remove();
        }
        return statements;
    }

    /** The statements among {@code statements} that read {@code table}. */
    public static List<String> selectsFrom(List<String> statements, String table) {
        return statements.stream().filter(s -> s.stripLeading().toLowerCase().startsWith("select")
                && s.toLowerCase().matches("(?s).*\\bfrom " + table + "\\b.*")).toList();
    }
}
