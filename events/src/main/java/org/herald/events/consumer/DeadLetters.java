package org.herald.events.consumer;

import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.herald.events.jms.CloudEventMessages;
import org.herald.events.json.JsonEventFormat;

/**
 * The {@code dead_letter} table: the events a consumer gave up on, and the
 * later events of their subjects, parked behind them. Every method works on
 * the caller's connection, inside the caller's transaction.
 */
public final class DeadLetters {

    static final String FAILED = "FAILED";
    static final String PARKED = "PARKED";

    private static final JsonEventFormat FORMAT = new JsonEventFormat();

    /** One row: the event as received, why it is here and since when. */
    public record Entry(
            String id,
            String consumer,
            CloudEvent event,
            String state,
            String reason,
            int attempts,
            OffsetDateTime recordedAt) {}

    private DeadLetters() {}

    /** The subjects among {@code subjects} that {@code consumer} holds back behind a failed event. */
    static Set<String> heldBack(Connection connection, String consumer, Collection<String> subjects)
            throws SQLException {
        return ConsumerRows.among(connection, "dead_letter", "subject", consumer, subjects);
    }

    static void record(
            Connection connection, String consumer, CloudEvent event, String state, String reason, int attempts)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO dead_letter (id, consumer,"
                + " event_id, subject, sequence, state, reason, attempts, event, recorded_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, consumer);
            insert.setString(3, event.getId());
            insert.setString(4, event.getSubject());
            ConsumerRows.setSequence(insert, 5, event);
            insert.setString(6, state);
            insert.setString(7, reason == null ? null : reason.substring(0, Math.min(reason.length(), 1000)));
            insert.setInt(8, attempts);
            insert.setString(9, CloudEventMessages.body(event));
            insert.setObject(10, OffsetDateTime.now(ZoneOffset.UTC));
            insert.executeUpdate();
        }
    }

    /** Every entry, oldest first (optionally only those of one consumer's subject). */
    static List<Entry> list(Connection connection, String consumer, String subject) throws SQLException {
        String where = subject == null ? "consumer = ?" : "consumer = ? AND subject = ?";
        try (PreparedStatement query = connection.prepareStatement("SELECT id, consumer, event, state, reason,"
                + " attempts, recorded_at FROM dead_letter WHERE " + where
                // the failed event first, then what is parked behind it in its subject's order
                + " ORDER BY subject, CASE state WHEN 'FAILED' THEN 0 ELSE 1 END, sequence, recorded_at")) {
            query.setString(1, consumer);
            if (subject != null) {
                query.setString(2, subject);
            }
            List<Entry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new Entry(
                            rows.getString(1),
                            rows.getString(2),
                            FORMAT.deserialize(rows.getString(3).getBytes(StandardCharsets.UTF_8)),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getInt(6),
                            rows.getObject(7, OffsetDateTime.class)));
                }
            }
            return entries;
        }
    }

    static int delete(Connection connection, List<Entry> entries) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM dead_letter WHERE id = ?")) {
            for (Entry entry : entries) {
                delete.setString(1, entry.id());
                delete.addBatch();
            }
            int deleted = 0;
            for (int count : delete.executeBatch()) {
                deleted += Math.max(count, 0);
            }
            return deleted;
        }
    }
}
