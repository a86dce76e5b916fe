package io.hrloop.feedback.bench;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;

import io.hrloop.common.contract.Theme;
import io.hrloop.feedback.domain.InsightMetrics;
import io.hrloop.feedback.domain.Rollups.Counts;
import io.hrloop.feedback.domain.Rollups.Delta;
import io.hrloop.feedback.domain.Rollups.Dimension;
import io.hrloop.feedback.domain.Rollups.Grain;
import io.hrloop.feedback.domain.Rollups.Key;
import io.hrloop.feedback.domain.Rollups;
import io.hrloop.feedback.service.RollupStore;
import io.hrloop.infra.FreePorts;
import io.hrloop.infra.Postgres;

/**
 * Insights at a million responses. Not a test: run it by hand (see the README):
 *
 * <pre>
 * ./mvnw -B -q -pl feedback-service test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.hrloop.feedback.bench.InsightsBenchmark [-Dexec.args=1000000]
 * </pre>
 *
 * It starts an embedded PostgreSQL, applies the service's migrations, stores N responses spread over a
 * year (raw rows by COPY; their rollups computed with the service's own {@code Rollups} and written
 * with {@code RollupStore}), then times the insight reads the API makes, a naive scan of the raw rows for
 * comparison, and the incremental rollup write of further responses one transaction each.
 */
public final class InsightsBenchmark {

    private static final String[] TYPES = { "payroll-query", "leave-request", "benefits-question", "policy-advice",
            "recruitment-help", "onboarding-question", "learning-request", "pension-query", "expenses-claim",
            "relocation-support", "contract-change", "employee-relations-concern" };
    private static final String[] TEAMS = { "payroll", "leave", "benefits", "policy", "talent", "employee-relations" };
    private static final LocalDate END = LocalDate.of(2026, 12, 31);

    public static void main(String[] args) throws Exception {
        int responses = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dir = Files.createTempDirectory("hrloop-insights-bench-");
        try (Postgres postgres = Postgres.start(dir.resolve("pg"), FreePorts.next(), true)) {
            postgres.ensureDatabase("bench");
            String url = postgres.jdbcUrl("bench");
            Flyway.configure().dataSource(url, Postgres.USER, Postgres.PASSWORD)
                    .locations("classpath:db/common", "classpath:db/migration").load().migrate();
            try (Connection c = DriverManager.getConnection(url, Postgres.USER, Postgres.PASSWORD)) {
                seed(c, responses);
                System.out.printf(Locale.ROOT, "%nInsights read path (%,d responses over 365 days, %d types, %d teams), %s%n",
                        responses, TYPES.length, TEAMS.length, "median and p95 of 30 runs after 5 warm-ups:");
                LocalDate yearStart = END.minusDays(364);
                LocalDate quarterStart = END.minusDays(89);
                time("overall, one year (day rows)", () -> RollupStore.totals(c, Dimension.ALL, yearStart, END).size());
                time("groupBy=type, 90 days + weekly trend", () -> report(c, Dimension.TYPE, quarterStart, Grain.WEEK));
                time("groupBy=team, one year + monthly trend", () -> report(c, Dimension.TEAM, yearStart, Grain.MONTH));
                time("groupBy=week, one year", () -> RollupStore.series(c, Grain.WEEK, Dimension.ALL, Grain.WEEK.start(yearStart), END)
                        .getOrDefault("", Map.of()).size());
                // What the API reads since small-number protection: the weekly cells, each made publishable, then summed.
                time("publishable cells, one year (the API's read)", () -> cells(c, yearStart));
                time("naive scan of raw rows, groupBy=type, one year", () -> naive(c, yearStart));
                incremental(c, 20_000);
            }
        }
    }

    private static int report(Connection c, Dimension dimension, LocalDate from, Grain trend) throws Exception {
        Map<String, Counts> totals = RollupStore.totals(c, dimension, from, END);
        Map<String, Map<LocalDate, Counts>> series = RollupStore.series(c, trend, dimension, trend.start(from), END);
        int figures = 0;
        for (Map.Entry<String, Counts> total : totals.entrySet()) {
            InsightMetrics.of(total.getValue(), 5, 3);
            for (Counts point : series.getOrDefault(total.getKey(), Map.of()).values()) {
                InsightMetrics.of(point, 5, 3);
                figures++;
            }
        }
        return figures + totals.size();
    }

    private static int cells(Connection c, LocalDate from) throws Exception {
        Counts total = Counts.ZERO;
        int cells = 0;
        for (Map<LocalDate, Counts> weeks : RollupStore.series(c, Grain.WEEK, Dimension.CELL, Grain.WEEK.start(from), END).values()) {
            for (Counts cell : weeks.values()) {
                total = total.plus(io.hrloop.feedback.domain.Publication.publishable(cell, 5));
                cells++;
            }
        }
        InsightMetrics.of(total, 5, 3);
        return cells;
    }

    private static int naive(Connection c, LocalDate from) throws Exception {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select request_type, count(*), count(*) filter (where csat >= 4), count(csat),
                       count(*) filter (where nps >= 9) - count(*) filter (where nps <= 6), count(nps), avg(ces), avg(sentiment)
                from feedback where received_on between '%s' and '%s' group by request_type""".formatted(from, END))) {
            int n = 0;
            while (rs.next()) {
                n++;
            }
            return n;
        }
    }

    private record Response(LocalDate day, String type, String team, Integer csat, Integer ces, Integer nps, Double sentiment,
            boolean frustrated, Set<Theme> themes) {
    }

    private static Response random(Random random) {
        int t = random.nextInt(TYPES.length);
        Integer csat = 1 + random.nextInt(5);
        Integer ces = random.nextInt(3) == 0 ? null : 1 + random.nextInt(7);
        Integer nps = random.nextInt(2) == 0 ? null : random.nextInt(11);
        Double sentiment = random.nextInt(3) == 0 ? null : Math.round((random.nextDouble() * 2 - 1) * 1000) / 1000.0;
        Set<Theme> themes = EnumSet.of(Theme.values()[random.nextInt(Theme.values().length)]);
        return new Response(END.minusDays(random.nextInt(365)), TYPES[t], TEAMS[Math.min(t / 2, TEAMS.length - 1)], csat,
                ces, nps, sentiment, sentiment != null && sentiment < -0.6, themes);
    }

    private static void seed(Connection c, int n) throws Exception {
        long began = System.nanoTime();
        Random random = new Random(42);
        Map<Key, Counts> rollups = new HashMap<>();
        PGConnection pg = c.unwrap(PGConnection.class);
        StringBuilder batch = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Response r = random(random);
            boolean confidential = r.type().equals("employee-relations-concern");
            for (Delta d : Rollups.deltas(r.day(), r.type(), r.team(), confidential,
                    Rollups.ofResponse(true, r.csat(), r.ces(), r.nps(), r.sentiment(), r.frustrated(), r.themes()))) {
                rollups.merge(d.key(), d.counts(), Counts::plus);
            }
            batch.append(UUID.randomUUID()).append("\tSURVEY\tREQUEST\t\\N\t\\N\t\\N\t").append(r.type()).append('\t')
                    .append(r.team()).append('\t').append(confidential).append('\t').append(r.csat()).append('\t')
                    .append(r.ces() == null ? "\\N" : r.ces()).append('\t').append(r.nps() == null ? "\\N" : r.nps())
                    .append("\t\\N\t\t").append(r.themes().iterator().next().key()).append('\t')
                    .append(r.sentiment() == null ? "\\N" : r.sentiment()).append('\t').append(r.frustrated())
                    .append("\tfalse\tbench-person\t").append(r.day()).append("\t\\N\tfalse\n");
            if (batch.length() > 4_000_000 || i == n - 1) {
                pg.getCopyAPI().copyIn("copy feedback (id, source, subject_type, subject_key, request_id, reference, request_type, "
                        + "team, confidential, csat, ces, nps, comment, chosen_themes, detected_themes, sentiment, frustrated, "
                        + "anonymous, author, received_on, created_at, comment_erased) from stdin", new StringReader(batch.toString()));
                batch.setLength(0);
            }
        }
        List<Delta> deltas = new ArrayList<>();
        rollups.forEach((key, counts) -> deltas.add(new Delta(key, counts)));
        RollupStore.apply(c, deltas);
        try (Statement s = c.createStatement()) {
            s.execute("analyze");
        }
        System.out.printf(Locale.ROOT, "Seeded %,d responses (%,d rollup rows) in %.1f s%n", n, deltas.size(),
                (System.nanoTime() - began) / 1e9);
    }

    private static void incremental(Connection c, int n) throws Exception {
        Random random = new Random(7);
        c.setAutoCommit(false);
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            Response r = random(random);
            long began = System.nanoTime();
            RollupStore.apply(c, Rollups.deltas(r.day(), r.type(), r.team(), false,
                    Rollups.ofResponse(true, r.csat(), r.ces(), r.nps(), r.sentiment(), r.frustrated(), r.themes())));
            c.commit();
            nanos[i] = System.nanoTime() - began;
        }
        c.setAutoCommit(true);
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "Incremental rollup write, one response per transaction (%,d): median %.2f ms, p95 %.2f ms%n",
                n, nanos[n / 2] / 1e6, nanos[(int) (n * 0.95)] / 1e6);
    }

    private static void time(String what, Callable<Integer> read) throws Exception {
        for (int i = 0; i < 5; i++) {
            read.call();
        }
        long[] nanos = new long[30];
        int size = 0;
        for (int i = 0; i < nanos.length; i++) {
            long began = System.nanoTime();
            size = read.call();
            nanos[i] = System.nanoTime() - began;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "  %-48s median %8.2f ms  p95 %8.2f ms  (%d groups and points)%n", what, nanos[15] / 1e6,
                nanos[28] / 1e6, size);
    }
}
