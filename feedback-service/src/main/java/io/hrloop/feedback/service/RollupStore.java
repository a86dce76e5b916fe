package io.hrloop.feedback.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.hrloop.common.contract.Theme;
import io.hrloop.common.inbox.BatchEnd;
import io.hrloop.feedback.domain.Rollups;
import io.hrloop.feedback.domain.Rollups.Counts;
import io.hrloop.feedback.domain.Rollups.Delta;
import io.hrloop.feedback.domain.Rollups.Dimension;
import io.hrloop.feedback.domain.Rollups.Grain;
import io.hrloop.feedback.domain.Rollups.Key;

/**
 * Reads and writes the rollup rows with plain JDBC in the caller's transaction. The statements are
 * static so that the insights benchmark runs exactly these against a database of a million responses.
 */
@ApplicationScoped
public class RollupStore {

    private static final String COUNTS = "responses, survey_responses, invitations, csat_count, csat_satisfied, csat_sum, "
            + "nps_count, nps_promoters, nps_detractors, ces_count, ces_sum, sentiment_count, sentiment_sum, "
            + "sentiment_negative, sentiment_neutral, sentiment_positive, frustrated, theme_speed, theme_communication, "
            + "theme_outcome, theme_respect, theme_process, theme_policy, theme_access, theme_other";
    private static final String[] COLUMNS = COUNTS.split(", ");
    private static final String SUMS = String.join(", ", java.util.Arrays.stream(COLUMNS).map(c -> "sum(" + c + ")").toList());
    private static final String UPSERT = "insert into feedback_rollup (grain, period_start, dimension, dimension_key, " + COUNTS
            + ") values (?, ?, ?, ?" + ", ?".repeat(COLUMNS.length) + ") on conflict (grain, dimension, period_start, dimension_key) do update set "
            + String.join(", ", java.util.Arrays.stream(COLUMNS).map(c -> c + " = feedback_rollup." + c + " + excluded." + c).toList());
    private static final String TOTALS = "select dimension_key, " + SUMS + " from feedback_rollup "
            + "where grain = 'DAY' and dimension = ? and period_start between ? and ? group by dimension_key";
    private static final String SERIES = "select dimension_key, period_start, " + COUNTS + " from feedback_rollup "
            + "where grain = ? and dimension = ? and period_start between ? and ? order by period_start";

    private final EntityManager entityManager;
    private final BatchEnd batchEnd;

    public RollupStore(EntityManager entityManager, BatchEnd batchEnd) {
        this.entityManager = entityManager;
        this.batchEnd = batchEnd;
    }

    /**
     * Adds the deltas in the caller's transaction. While a batch of events is applied, they are summed and added
     * once at the end of the batch (in key order, as every writer locks them), so that the rows are not held for
     * the whole batch while a survey answer waits to add to them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(List<Delta> deltas) {
        batchEnd.work(RollupStore.class, () -> new Pending(this)).ifPresentOrElse(pending -> pending.merge(deltas),
                () -> write(deltas));
    }

    private void write(List<Delta> deltas) {
        entityManager.unwrap(Session.class).doWork(connection -> apply(connection, deltas));
    }

    /** The deltas of one batch of events, summed per row. */
    private static final class Pending implements Runnable {
        private final RollupStore store;
        private final Map<Key, Counts> sums = new TreeMap<>(Rollups.KEY_ORDER);

        Pending(RollupStore store) {
            this.store = store;
        }

        void merge(List<Delta> deltas) {
            deltas.forEach(delta -> sums.merge(delta.key(), delta.counts(), Counts::plus));
        }

        @Override
        public void run() {
            if (!sums.isEmpty()) {
                store.write(sums.entrySet().stream().map(e -> new Delta(e.getKey(), e.getValue())).toList());
            }
        }
    }

    public Map<String, Counts> totals(Dimension dimension, LocalDate from, LocalDate to) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> totals(connection, dimension, from, to));
    }

    public Map<String, Map<LocalDate, Counts>> series(Grain grain, Dimension dimension, LocalDate from, LocalDate to) {
        return entityManager.unwrap(Session.class).doReturningWork(connection -> series(connection, grain, dimension, from, to));
    }

    /** Adds each delta to its row, creating it on first use. */
    public static void apply(Connection connection, List<Delta> deltas) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement(UPSERT)) {
            for (Delta delta : deltas) {
                upsert.setString(1, delta.key().grain().name());
                upsert.setDate(2, Date.valueOf(delta.key().periodStart()));
                upsert.setString(3, delta.key().dimension().name());
                upsert.setString(4, delta.key().dimensionKey());
                Counts c = delta.counts();
                long[] longs = { c.responses(), c.surveyResponses(), c.invitations(), c.csatCount(), c.csatSatisfied(),
                        c.csatSum(), c.npsCount(), c.npsPromoters(), c.npsDetractors(), c.cesCount(), c.cesSum(),
                        c.sentimentCount() };
                int i = 5;
                for (long value : longs) {
                    upsert.setLong(i++, value);
                }
                upsert.setDouble(i++, c.sentimentSum());
                for (long value : new long[] { c.sentimentNegative(), c.sentimentNeutral(), c.sentimentPositive(), c.frustrated() }) {
                    upsert.setLong(i++, value);
                }
                for (Theme theme : Theme.values()) {
                    upsert.setLong(i++, c.theme(theme));
                }
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }

    /** Sums of the day rows of each key of {@code dimension} from {@code from} to {@code to}, inclusive. */
    public static Map<String, Counts> totals(Connection connection, Dimension dimension, LocalDate from, LocalDate to)
            throws SQLException {
        Map<String, Counts> totals = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(TOTALS)) {
            select.setString(1, dimension.name());
            select.setDate(2, Date.valueOf(from));
            select.setDate(3, Date.valueOf(to));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    totals.put(rs.getString(1), read(rs, 2));
                }
            }
        }
        return totals;
    }

    /** The rows of {@code grain} whose period starts between {@code from} and {@code to}, per key and period. */
    public static Map<String, Map<LocalDate, Counts>> series(Connection connection, Grain grain, Dimension dimension,
            LocalDate from, LocalDate to) throws SQLException {
        Map<String, Map<LocalDate, Counts>> series = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement(SERIES)) {
            select.setString(1, grain.name());
            select.setString(2, dimension.name());
            select.setDate(3, Date.valueOf(from));
            select.setDate(4, Date.valueOf(to));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    series.computeIfAbsent(rs.getString(1), k -> new LinkedHashMap<>())
                            .put(rs.getDate(2).toLocalDate(), read(rs, 3));
                }
            }
        }
        return series;
    }

    private static Counts read(ResultSet rs, int first) throws SQLException {
        long[] v = new long[12];
        int i = first;
        for (int k = 0; k < v.length; k++) {
            v[k] = rs.getLong(i++);
        }
        double sentimentSum = rs.getDouble(i++);
        long negative = rs.getLong(i++);
        long neutral = rs.getLong(i++);
        long positive = rs.getLong(i++);
        long frustrated = rs.getLong(i++);
        long[] themes = new long[Theme.values().length];
        for (int k = 0; k < themes.length; k++) {
            themes[k] = rs.getLong(i++);
        }
        return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11], sentimentSum, negative,
                neutral, positive, frustrated, themes);
    }
}
