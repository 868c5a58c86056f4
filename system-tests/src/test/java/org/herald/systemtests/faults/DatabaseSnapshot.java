package org.herald.systemtests.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What Herald's tables hold at one moment: the users (by email), the orders,
 * and how many events of each type the event store keeps per subject (a
 * {@code user.registered}'s subject is its user's id, an {@code order.created}'s
 * its order's id). Plain SQL on the tables of the Flyway migrations.
 */
record DatabaseSnapshot(
        Map<String, String> userIdByEmail,
        Map<String, StoredOrder> orders,
        Map<String, Integer> userRegisteredBySubject,
        Map<String, Integer> orderCreatedBySubject,
        long unpublishedEvents) {

    record StoredOrder(String id, String userId, String status) {}

    static DatabaseSnapshot read(Connection connection) throws SQLException {
        Map<String, String> users = new HashMap<>();
        Map<String, StoredOrder> orders = new HashMap<>();
        Map<String, Integer> userRegistered = new HashMap<>();
        Map<String, Integer> orderCreated = new HashMap<>();
        long unpublished;
        try (Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery("SELECT email, id FROM users")) {
                while (row.next()) {
                    users.put(row.getString(1), row.getString(2));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT id, user_id, status FROM orders")) {
                while (row.next()) {
                    orders.put(row.getString(1), new StoredOrder(row.getString(1), row.getString(2), row.getString(3)));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT type, subject, COUNT(*) FROM event"
                    + " WHERE type IN ('user.registered', 'order.created') GROUP BY type, subject")) {
                while (row.next()) {
                    (row.getString(1).equals("user.registered") ? userRegistered : orderCreated)
                            .put(row.getString(2), row.getInt(3));
                }
            }
            try (ResultSet row = statement.executeQuery("SELECT COUNT(*) FROM event WHERE published_at IS NULL")) {
                row.next();
                unpublished = row.getLong(1);
            }
        }
        return new DatabaseSnapshot(users, orders, userRegistered, orderCreated, unpublished);
    }

    /** Orders per user id. */
    Map<String, Integer> orderCountByUser() {
        Map<String, Integer> counts = new HashMap<>();
        orders.values().forEach(order -> counts.merge(order.userId(), 1, Integer::sum));
        return counts;
    }
}
