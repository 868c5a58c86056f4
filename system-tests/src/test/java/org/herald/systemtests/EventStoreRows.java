package org.herald.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.herald.events.store.HeraldDatabase;

/** In-container tests' view of Herald's tables, read with plain SQL from Herald's datasource. */
final class EventStoreRows {

    /** One row of the event store. */
    record Row(
            long position,
            String id,
            String subject,
            long sequence,
            String type,
            String causationId,
            boolean published) {}

    private static final HeraldDatabase DATABASE = new HeraldDatabase();

    private EventStoreRows() {}

    /** The stored events whose causation id is {@code cause}, in store order. */
    static List<Row> causedBy(String cause) {
        return query(
                "SELECT position, id, subject, sequence, type, causation_id, published_at FROM event"
                        + " WHERE causation_id = ? ORDER BY position",
                cause);
    }

    /** The stored events of {@code subject}, in store order. */
    static List<Row> ofSubject(String subject) {
        return query(
                "SELECT position, id, subject, sequence, type, causation_id, published_at FROM event"
                        + " WHERE subject = ? ORDER BY position",
                subject);
    }

    /** Runs one statement that changes rows, in its own local transaction. */
    static int update(String sql, Object... parameters) {
        try (Connection connection = DATABASE.source().getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Row> query(String sql, String parameter) {
        try (Connection connection = DATABASE.source().getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            List<Row> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    rows.add(new Row(
                            row.getLong(1),
                            row.getString(2),
                            row.getString(3),
                            row.getLong(4),
                            row.getString(5),
                            row.getString(6),
                            row.getObject(7) != null));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
