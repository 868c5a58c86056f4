package org.herald.events.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/** The one query shape the consumer tables share: which of these values does a consumer's table hold. */
final class ConsumerRows {

    private ConsumerRows() {
    }

    /** The values of {@code column} in {@code table} among {@code values}, for {@code consumer}. */
    static Set<String> among(Connection connection, String table, String column, String consumer,
                             Collection<String> values) throws SQLException {
        if (values.isEmpty()) {
            return Set.of();
        }
        String marks = String.join(", ", Collections.nCopies(values.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement("SELECT DISTINCT " + column + " FROM " + table
                + " WHERE consumer = ? AND " + column + " IN (" + marks + ")")) {
            query.setString(1, consumer);
            int index = 2;
            for (String value : values) {
                query.setString(index++, value);
            }
            Set<String> found = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
            return found;
        }
    }
}
