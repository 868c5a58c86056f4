package org.herald.events.consumer;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.naming.InitialContext;
import org.herald.events.EventEnvelope;
import org.herald.events.store.EventStoreFailure;
import org.herald.events.store.HeraldDatabase;

/**
 * The idempotent-consumer table ({@code consumed_event}): which events each
 * consumer has applied, and the last sequence number it applied per subject.
 */
@ApplicationScoped
public class ConsumedEvents {

    private final HeraldDatabase database = new HeraldDatabase();

    /**
     * Applies the events of {@code batch} that {@code consumer} has not applied
     * yet, in one new transaction with the rows that record them. One query
     * finds the ones already applied; a concurrent second delivery of one
     * event fails on the primary key and rolls back, to be found applied next time.
     *
     * <p>The transaction is begun here, explicitly: the effect and its record
     * must commit together, and a declarative {@code @Transactional} on a bean
     * in an EAR's {@code lib/} is not applied on every server.
     *
     * @return how many events were new
     * @throws Exception when the transaction rolled back; nothing of the batch is then recorded
     */
    public int apply(String consumer, List<CloudEvent> batch, EventHandler handler) throws Exception {
        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
        transaction.begin();
        boolean committed = false;
        try {
            int fresh = applyInTransaction(consumer, batch, handler);
            transaction.commit();
            committed = true;
            return fresh;
        } finally {
            if (!committed && transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        }
    }

    private int applyInTransaction(String consumer, List<CloudEvent> batch, EventHandler handler) {
        Map<String, CloudEvent> fresh = new LinkedHashMap<>();
        batch.forEach(event -> fresh.putIfAbsent(event.getId(), event));
        try (Connection connection = database.source().getConnection()) {
            fresh.keySet().removeAll(applied(connection, consumer, fresh.keySet()));
            if (fresh.isEmpty()) {
                return 0;
            }
            record(connection, consumer, fresh.values());
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not record events consumed by " + consumer, e);
        }
        handler.handle(List.copyOf(fresh.values()));
        return fresh.size();
    }

    /** The highest sequence number of {@code subject} that {@code consumer} has applied, or 0. */
    public long lastApplied(String consumer, String subject) {
        try (Connection connection = database.source().getConnection();
             PreparedStatement query = connection.prepareStatement(
                     "SELECT MAX(sequence) FROM consumed_event WHERE consumer = ? AND subject = ?")) {
            query.setString(1, consumer);
            query.setString(2, subject);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not read what " + consumer + " applied of " + subject, e);
        }
    }

    private static Set<String> applied(Connection connection, String consumer, Collection<String> ids)
            throws SQLException {
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT event_id FROM consumed_event WHERE consumer = ? AND event_id IN (" + marks + ")")) {
            query.setString(1, consumer);
            int index = 2;
            for (String id : ids) {
                query.setString(index++, id);
            }
            Set<String> applied = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            }
            return applied;
        }
    }

    private static void record(Connection connection, String consumer, Collection<CloudEvent> events)
            throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consumed_event"
                + " (consumer, event_id, subject, sequence, consumed_at) VALUES (?, ?, ?, ?, ?)")) {
            for (CloudEvent event : events) {
                insert.setString(1, consumer);
                insert.setString(2, event.getId());
                insert.setString(3, event.getSubject());
                Long sequence = EventEnvelope.sequenceOf(event);
                if (sequence != null) {
                    insert.setLong(4, sequence);
                } else {
                    insert.setNull(4, Types.BIGINT);
                }
                insert.setObject(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
