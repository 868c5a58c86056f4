package org.herald.events.store;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPublisher;

/**
 * The event store, which is also the outbox. {@link #publish} inserts events
 * in the caller's transaction (plain JDBC on Herald's datasource, which the
 * server shares with the caller's persistence unit), numbering each within
 * its subject; the relay reads what is unpublished and stamps it once the
 * broker has it.
 */
@ApplicationScoped
public class EventStore implements EventPublisher {

    private static final String COLUMNS = "position, id, subject, sequence, type, source, occurred_at, correlation_id,"
            + " causation_id, data_content_type, data_schema, data, published_at, replays";
    private static final String INSERT = "INSERT INTO event (id, subject, sequence, type, source, occurred_at,"
            + " correlation_id, causation_id, data_content_type, data_schema, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    @Inject
    Event<EventsStored> stored;

    @Inject
    @ConfigProperty(name = "herald.replay.max-events", defaultValue = "10000")
    int maxReplay;

    HeraldDatabase database = new HeraldDatabase();

    /**
     * Stores the events in the caller's transaction. Each gets the next
     * sequence number of its subject; two transactions appending to one
     * subject at once collide on the unique (subject, sequence) constraint,
     * and the later one fails rather than reorder the subject.
     */
    @Override
    public void publish(List<CloudEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        try (Connection connection = database.source().getConnection()) {
            Map<String, Long> last = lastSequences(
                    connection, events.stream().map(CloudEvent::getSubject).toList());
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (CloudEvent event : events) {
                    long sequence = last.merge(event.getSubject(), 1L, Long::sum);
                    insert.setString(1, event.getId());
                    insert.setString(2, event.getSubject());
                    insert.setLong(3, sequence);
                    insert.setString(4, event.getType());
                    insert.setString(5, event.getSource().toString());
                    insert.setObject(6, event.getTime());
                    insert.setString(7, EventEnvelope.extension(event, EventEnvelope.CORRELATION_ID));
                    insert.setString(8, EventEnvelope.extension(event, EventEnvelope.CAUSATION_ID));
                    insert.setString(
                            9, event.getDataContentType() != null ? event.getDataContentType() : EventEnvelope.JSON);
                    insert.setString(
                            10,
                            event.getDataSchema() != null
                                    ? event.getDataSchema().toString()
                                    : null);
                    insert.setString(11, new String(event.getData().toBytes(), StandardCharsets.UTF_8));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not store " + events.size() + " event(s)", e);
        }
        stored.fire(new EventsStored(events.size()));
    }

    /** Up to {@code limit} unpublished events, oldest position first. Runs in its own connection, outside any transaction. */
    public List<StoredEvent> unpublished(int limit) {
        try (Connection connection = database.source().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM event WHERE published_at IS NULL ORDER BY position LIMIT ?")) {
            query.setInt(1, limit);
            return read(query);
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not read unpublished events", e);
        }
    }

    /** Stamps the events at these positions as published, in one local transaction. */
    public void markPublished(Collection<Long> positions) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = database.source().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE event SET published_at = ? WHERE position = ?")) {
                for (long position : positions) {
                    update.setObject(1, now);
                    update.setLong(2, position);
                    update.addBatch();
                }
                update.executeBatch();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not mark " + positions.size() + " event(s) published", e);
        }
    }

    /**
     * Up to {@code limit} stored events that match {@code filter}, after
     * position {@code after}, in position order. Paging by position is stable
     * while events are added: a page never repeats an event or skips one that
     * was stored before the first page was read.
     */
    public List<StoredEvent> find(EventFilter filter, long after, int limit) {
        Where where = Where.of(filter).and("position > ?", after);
        try (Connection connection = database.source().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT " + COLUMNS + " FROM event" + where.sql() + " ORDER BY position LIMIT ?")) {
            int next = where.bind(query);
            query.setInt(next, limit);
            return read(query);
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not query the event store", e);
        }
    }

    /** The stored event with this id. */
    public Optional<StoredEvent> find(String id) {
        try (Connection connection = database.source().getConnection();
                PreparedStatement query =
                        connection.prepareStatement("SELECT " + COLUMNS + " FROM event WHERE id = ?")) {
            query.setString(1, id);
            return read(query).stream().findFirst();
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not read event " + id, e);
        }
    }

    /**
     * Has the relay publish the published events that match {@code filter}
     * again, each in its place in store order, with the same id (consumers
     * recognise what they applied) and a new duplicate id for the broker.
     * One local transaction; refuses, changing nothing, if more than
     * {@code herald.replay.max-events} (default 10,000) events match.
     *
     * @return how many events will be published again
     */
    public int replay(EventFilter filter) {
        int max = maxReplay;
        Where where = Where.of(filter).and("published_at IS NOT NULL");
        int replayed;
        try (Connection connection = database.source().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM event" + where.sql());
                    PreparedStatement update = connection.prepareStatement(
                            "UPDATE event SET published_at = NULL, replays = replays + 1" + where.sql())) {
                where.bind(count);
                try (ResultSet row = count.executeQuery()) {
                    row.next();
                    if (row.getLong(1) > max) {
                        throw new ReplayTooLarge(row.getLong(1), max);
                    }
                }
                where.bind(update);
                replayed = update.executeUpdate();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not replay events", e);
        }
        stored.fire(new EventsStored(replayed));
        return replayed;
    }

    /** How many events wait for the relay, and the time of the oldest. */
    public Backlog backlog() {
        try (Connection connection = database.source().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*), MIN(occurred_at) FROM event WHERE published_at IS NULL");
                ResultSet row = query.executeQuery()) {
            row.next();
            return new Backlog(row.getLong(1), row.getObject(2, OffsetDateTime.class));
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not count unpublished events", e);
        }
    }

    private static Map<String, Long> lastSequences(Connection connection, List<String> subjects) throws SQLException {
        Set<String> distinct = new LinkedHashSet<>(subjects);
        String marks = String.join(", ", Collections.nCopies(distinct.size(), "?"));
        Map<String, Long> last = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT subject, MAX(sequence) FROM event WHERE subject IN (" + marks + ") GROUP BY subject")) {
            int index = 1;
            for (String subject : distinct) {
                query.setString(index++, subject);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    last.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return last;
    }

    private static List<StoredEvent> read(PreparedStatement query) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                CloudEventBuilder event = CloudEventBuilder.v1()
                        .withId(row.getString("id"))
                        .withSubject(row.getString("subject"))
                        .withExtension(EventEnvelope.SEQUENCE, EventEnvelope.sequence(row.getLong("sequence")))
                        .withType(row.getString("type"))
                        .withSource(URI.create(row.getString("source")))
                        .withTime(row.getObject("occurred_at", OffsetDateTime.class)
                                .withOffsetSameInstant(ZoneOffset.UTC))
                        .withData(
                                row.getString("data_content_type"),
                                row.getString("data").getBytes(StandardCharsets.UTF_8));
                String schema = row.getString("data_schema");
                if (schema != null) {
                    event.withDataSchema(URI.create(schema));
                }
                withExtensionIfPresent(event, EventEnvelope.CORRELATION_ID, row.getString("correlation_id"));
                withExtensionIfPresent(event, EventEnvelope.CAUSATION_ID, row.getString("causation_id"));
                OffsetDateTime published = row.getObject("published_at", OffsetDateTime.class);
                events.add(new StoredEvent(
                        row.getLong("position"),
                        event.build(),
                        published == null ? null : published.withOffsetSameInstant(ZoneOffset.UTC),
                        row.getInt("replays")));
            }
        }
        return events;
    }

    private static void withExtensionIfPresent(CloudEventBuilder event, String name, String value) {
        if (value != null) {
            event.withExtension(name, value);
        }
    }
}
