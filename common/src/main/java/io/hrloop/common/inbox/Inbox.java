package io.hrloop.common.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The processed-event table: written in the same transaction as the consumer's effect. Rows go in through the
 * transaction's own connection with plain JDBC, one statement for a whole poll batch, so that recording them never
 * makes Hibernate flush (a native query through the entity manager would flush every pending change first, once
 * per event).
 */
@ApplicationScoped
public class Inbox {

    private static final String INSERT = """
            insert into inbox_event (event_id, consumer, event_type)
            select e.id, ?, e.type from unnest(?::varchar[], ?::varchar[]) as e(id, type)
            on conflict do nothing
            returning event_id""";

    private final AgroalDataSource dataSource;

    public Inbox(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Records the event; false when this consumer already processed it (the caller then does nothing). */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String eventId, String consumer, String type) {
        return !firstDeliveries(List.of(eventId), List.of(type), consumer).isEmpty();
    }

    /**
     * Records events {@code ids} (of {@code types}, in the same order) for {@code consumer} and answers the ids it
     * had not processed before; an id given twice is answered once.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> firstDeliveries(List<String> ids, List<String> types, String consumer) {
        Set<String> first = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, consumer);
            insert.setArray(2, connection.createArrayOf("varchar", ids.toArray()));
            insert.setArray(3, connection.createArrayOf("varchar", types.toArray()));
            try (ResultSet inserted = insert.executeQuery()) {
                while (inserted.next()) {
                    first.add(inserted.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the inbox", e);
        }
        return first;
    }
}
