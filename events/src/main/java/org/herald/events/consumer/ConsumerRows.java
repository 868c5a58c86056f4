package org.herald.events.consumer;

import io.cloudevents.CloudEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.herald.events.EventEnvelope;

/** What the consumer tables share: queries over an IN list of values for one consumer, and the sequence column. */
final class ConsumerRows {

    private ConsumerRows() {}

    /** The values of {@code column} in {@code table} among {@code values}, for {@code consumer}. */
    static Set<String> among(
            Connection connection, String table, String column, String consumer, Collection<String> values)
            throws SQLException {
        Set<String> found = new HashSet<>();
        if (values.isEmpty()) {
            return found;
        }
        try (PreparedStatement query = inList(
                        connection,
                        "SELECT DISTINCT " + column + " FROM " + table + " WHERE consumer = ? AND " + column
                                + " IN (%s)",
                        consumer,
                        values);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        }
        return found;
    }

    /** The highest sequence number {@code consumer} has applied, per subject among {@code subjects}. */
    static Map<String, Long> lastSequences(Connection connection, String consumer, Collection<String> subjects)
            throws SQLException {
        Map<String, Long> last = new HashMap<>();
        if (subjects.isEmpty()) {
            return last;
        }
        try (PreparedStatement query = inList(
                        connection,
                        "SELECT subject, MAX(sequence) FROM consumed_event"
                                + " WHERE consumer = ? AND subject IN (%s) GROUP BY subject",
                        consumer,
                        subjects);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long sequence = rows.getLong(2);
                if (!rows.wasNull()) {
                    last.put(rows.getString(1), sequence);
                }
            }
        }
        return last;
    }

    /** Binds {@code event}'s {@code sequence} extension at {@code index}, or SQL NULL if it has none. */
    static void setSequence(PreparedStatement statement, int index, CloudEvent event) throws SQLException {
        Long sequence = EventEnvelope.sequenceOf(event);
        if (sequence != null) {
            statement.setLong(index, sequence);
        } else {
            statement.setNull(index, Types.BIGINT);
        }
    }

    /** {@code sql} with its {@code %s} replaced by one mark per value; the consumer bound first, then the values. */
    private static PreparedStatement inList(
            Connection connection, String sql, String consumer, Collection<String> values) throws SQLException {
        PreparedStatement query =
                connection.prepareStatement(sql.formatted(String.join(", ", Collections.nCopies(values.size(), "?"))));
        query.setString(1, consumer);
        int index = 2;
        for (String value : values) {
            query.setString(index++, value);
        }
        return query;
    }
}
