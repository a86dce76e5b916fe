package io.hrloop.improvement.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.hrloop.common.inbox.BatchEnd;
import io.hrloop.improvement.domain.AreaFeedback;
import io.hrloop.improvement.domain.Evidence;
import io.hrloop.improvement.domain.EvidenceKind;

/**
 * What the pieces of feedback applied in one transaction of a consumed batch share, so that a piece costs no round
 * trip to the database unless it becomes evidence:
 * <ul>
 * <li>whether each piece is known already (its area-feedback row, its evidence): two queries for the whole batch
 * ({@link #prepare}) instead of two per piece;</li>
 * <li>the area-feedback rows, written in one statement when the batch ends ({@link BatchEnd}), in its transaction,
 * instead of entities that every later flush of the batch would check again.</li>
 * </ul>
 * Outside a prepared transaction (a piece applied on its own, or not through the consumer) every answer comes from
 * the database at once and the row is written at once.
 */
@ApplicationScoped
public class FeedbackBatch {

    private static final Object KEY = FeedbackBatch.class.getName();

    private static final String INSERT = """
            insert into area_feedback (feedback_id, area, csat, nps, ces, sentiment, received_on, confidential)
            select * from unnest(?::uuid[], ?::varchar[], ?::int[], ?::int[], ?::int[], ?::float8[], ?::date[],
                ?::boolean[])""";

    /** The transaction's feedback: the ids prepared, those known (before it or recorded in it), those evidenced. */
    private static final class State {
        final Set<UUID> prepared = new HashSet<>();
        final Set<UUID> known = new HashSet<>();
        final Set<String> evidenced = new HashSet<>();
    }

    private final TransactionSynchronizationRegistry registry;
    private final EntityManager entityManager;
    private final AgroalDataSource dataSource;
    private final BatchEnd batchEnd;

    public FeedbackBatch(TransactionSynchronizationRegistry registry, EntityManager entityManager,
            AgroalDataSource dataSource, BatchEnd batchEnd) {
        this.registry = registry;
        this.entityManager = entityManager;
        this.dataSource = dataSource;
        this.batchEnd = batchEnd;
    }

    /** Loads, for the pieces about to be applied in this transaction, which ones are known already. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepare(Collection<UUID> feedbackIds) {
        State state = new State();
        state.prepared.addAll(feedbackIds);
        if (!feedbackIds.isEmpty()) {
            state.known.addAll(entityManager.createQuery("select f.feedbackId from AreaFeedback f"
                    + " where f.feedbackId in :ids", UUID.class).setParameter("ids", state.prepared).getResultList());
            state.evidenced.addAll(entityManager.createQuery("select e.sourceId from Evidence e where e.kind = :kind"
                    + " and e.sourceId in :ids", String.class).setParameter("kind", EvidenceKind.FEEDBACK)
                    .setParameter("ids", state.prepared.stream().map(UUID::toString).toList()).getResultList());
        }
        registry.putResource(KEY, state);
    }

    /** Whether the piece's area-feedback row exists (or was recorded earlier in this transaction). */
    public boolean known(UUID feedbackId) {
        State state = state(feedbackId);
        return state == null ? AreaFeedback.findById(feedbackId) != null : state.known.contains(feedbackId);
    }

    /** Whether the piece is evidence already (it is, at most once: the unique index on kind and source). */
    public boolean evidenced(UUID feedbackId) {
        State state = state(feedbackId);
        return state == null
                ? Evidence.count("kind = ?1 and sourceId = ?2", EvidenceKind.FEEDBACK, feedbackId.toString()) > 0
                : state.evidenced.contains(feedbackId.toString());
    }

    /** Records the piece's area-feedback row: at the end of the batch, or at once outside one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AreaFeedback row) {
        State state = state(row.feedbackId);
        if (state != null) {
            state.known.add(row.feedbackId);
        }
        batchEnd.work(Rows.class, () -> new Rows(dataSource)).ifPresentOrElse(rows -> rows.add(row), row::persist);
    }

    private State state(UUID feedbackId) {
        State state = registry.getTransactionKey() == null ? null : (State) registry.getResource(KEY);
        return state != null && state.prepared.contains(feedbackId) ? state : null;
    }

    /** The batch's area-feedback rows, inserted in one statement just before the batch commits. */
    static final class Rows implements Runnable {

        private final AgroalDataSource dataSource;
        private final List<AreaFeedback> rows = new ArrayList<>();

        Rows(AgroalDataSource dataSource) {
            this.dataSource = dataSource;
        }

        void add(AreaFeedback row) {
            rows.add(row);
        }

        @Override
        public void run() {
            if (rows.isEmpty()) {
                return;
            }
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setArray(1, connection.createArrayOf("varchar", column(r -> r.feedbackId)));
                insert.setArray(2, connection.createArrayOf("varchar", column(r -> r.area)));
                insert.setArray(3, connection.createArrayOf("varchar", column(r -> r.csat)));
                insert.setArray(4, connection.createArrayOf("varchar", column(r -> r.nps)));
                insert.setArray(5, connection.createArrayOf("varchar", column(r -> r.ces)));
                insert.setArray(6, connection.createArrayOf("varchar", column(r -> r.sentiment)));
                insert.setArray(7, connection.createArrayOf("varchar", column(r -> r.receivedOn)));
                insert.setArray(8, connection.createArrayOf("varchar", column(r -> r.confidential)));
                insert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not write the area feedback", e);
            }
            rows.clear();
        }

        /** One column as text (null stays null), cast back to its type by the statement. */
        private Object[] column(java.util.function.Function<AreaFeedback, Object> value) {
            return rows.stream().map(value).map(v -> v == null ? null : v.toString()).toArray();
        }
    }
}
