package org.herald.events.consumer;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.naming.InitialContext;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPublisher;
import org.herald.events.catalogue.DeadLetterDropped;
import org.herald.events.catalogue.EventType;
import org.herald.events.store.EventStoreFailure;
import org.herald.events.store.HeraldDatabase;

/**
 * The idempotent-consumer table ({@code consumed_event}): which events each
 * consumer has applied, and the last sequence number it applied per subject;
 * and the dead letters that hold a subject back ({@link DeadLetters}).
 */
@ApplicationScoped
public class ConsumedEvents {

    private static final URI SOURCE = URI.create("/herald/subscriptions");

    private final HeraldDatabase database = new HeraldDatabase();

    @Inject
    EventPublisher events;

    /**
     * What became of a batch: events applied; events parked behind a failed one
     * of their subject; events that arrived after a later one of their subject
     * had been applied, dead-lettered.
     */
    public record Outcome(int applied, int parked, int late) {}

    /**
     * Applies the events of {@code batch} that {@code consumer} has not applied
     * yet, in one new transaction with the rows that record them. One query
     * finds the ones already applied; a concurrent second delivery of one
     * event fails on the primary key and rolls back, to be found applied next time.
     * An event whose subject has a dead letter of this consumer is parked
     * behind it instead ({@code dead_letter}), in the same transaction. The
     * events of one subject are applied in sequence order; one whose sequence
     * is not above the last applied of its subject came late (reordered
     * upstream, or sent by hand) and is dead-lettered rather than applied out of
     * order: an operator redrives it (applies it anyway) or drops it.
     *
     * <p>The transaction is begun here, explicitly: the effect and its record
     * must commit together, and a declarative {@code @Transactional} on a bean
     * in an EAR's {@code lib/} is not applied on every server.
     *
     * @throws Exception when the transaction rolled back; nothing of the batch is then recorded
     */
    public Outcome apply(String consumer, List<CloudEvent> batch, EventHandler handler) throws Exception {
        return inTransaction(connection -> applyInTransaction(connection, consumer, batch, handler, true));
    }

    /** That {@code consumer} applied an event, and when. */
    public record Consumption(String consumer, OffsetDateTime consumedAt) {}

    /** The consumers that have applied the event with this id, by name. */
    public List<Consumption> consumersOf(String eventId) {
        try (Connection connection = database.source().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT consumer, consumed_at FROM consumed_event WHERE event_id = ? ORDER BY consumer")) {
            query.setString(1, eventId);
            List<Consumption> consumers = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    consumers.add(new Consumption(
                            row.getString(1),
                            row.getObject(2, OffsetDateTime.class).withOffsetSameInstant(ZoneOffset.UTC)));
                }
            }
            return consumers;
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not read the consumers of event " + eventId, e);
        }
    }

    /** Records that {@code consumer} gave up on {@code event}: from now on its subject is held back. */
    public void deadLetter(String consumer, CloudEvent event, String reason, int attempts) throws Exception {
        inTransaction(connection -> {
            DeadLetters.record(connection, consumer, event, DeadLetters.FAILED, reason, attempts);
            return null;
        });
    }

    /** The dead letters of {@code consumer} and the events parked behind them, subject by subject. */
    public List<DeadLetters.Entry> deadLetters(String consumer) {
        try (Connection connection = database.source().getConnection()) {
            return DeadLetters.list(connection, consumer, null);
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not read the dead letters of " + consumer, e);
        }
    }

    /**
     * Applies the failed event of the subject that entry {@code id} belongs to,
     * then the events parked behind it, in order, and removes their entries: all
     * in one transaction, so a failure leaves everything as it was.
     * {@code dropFailed} drops the failed event instead of applying it.
     *
     * @return the entries released, or an empty list if {@code id} is unknown
     */
    public List<DeadLetters.Entry> release(String consumer, String id, boolean dropFailed, EventHandler handler)
            throws Exception {
        return inTransaction(connection -> {
            String subject = DeadLetters.list(connection, consumer, null).stream()
                    .filter(entry -> entry.id().equals(id))
                    .map(entry -> entry.event().getSubject())
                    .findFirst()
                    .orElse(null);
            if (subject == null) {
                return List.of();
            }
            List<DeadLetters.Entry> entries = DeadLetters.list(connection, consumer, subject);
            DeadLetters.delete(connection, entries);
            if (dropFailed) {
                entries.stream()
                        .filter(entry -> entry.state().equals(DeadLetters.FAILED))
                        .forEach(entry -> events.publish(List.of(dropped(entry))));
            }
            List<CloudEvent> events = entries.stream()
                    .filter(entry -> !(dropFailed && entry.state().equals(DeadLetters.FAILED)))
                    .map(DeadLetters.Entry::event)
                    .toList();
            // the operator's decision: a late event is applied as it is
            applyInTransaction(connection, consumer, events, handler, false);
            return entries;
        });
    }

    /** The audit event of a drop, stored (and relayed) in the dropping transaction. */
    private static CloudEvent dropped(DeadLetters.Entry entry) {
        CloudEvent event = entry.event();
        return EventEnvelope.causedBy(
                event,
                EventType.DEAD_LETTER_DROPPED,
                SOURCE,
                entry.consumer(),
                new DeadLetterDropped(
                        entry.consumer(),
                        event.getId(),
                        event.getType(),
                        event.getSubject(),
                        EventEnvelope.sequenceOf(event),
                        entry.reason(),
                        OffsetDateTime.now(ZoneOffset.UTC)));
    }

    private interface Work<T> {
        T run(Connection connection) throws Exception;
    }

    private <T> T inTransaction(Work<T> work) throws Exception {
        UserTransaction transaction = InitialContext.doLookup("java:comp/UserTransaction");
        transaction.begin();
        boolean committed = false;
        try {
            T result;
            try (Connection connection = database.source().getConnection()) {
                result = work.run(connection);
            }
            transaction.commit();
            committed = true;
            return result;
        } finally {
            if (!committed && transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        }
    }

    private Outcome applyInTransaction(
            Connection connection, String consumer, List<CloudEvent> batch, EventHandler handler, boolean refuseLate)
            throws SQLException {
        Map<String, CloudEvent> fresh = new LinkedHashMap<>();
        batch.forEach(event -> fresh.putIfAbsent(event.getId(), event));
        fresh.keySet()
                .removeAll(ConsumerRows.among(
                        connection, "consumed_event", "event_id", consumer, List.copyOf(fresh.keySet())));
        List<String> subjects = fresh.values().stream()
                .map(CloudEvent::getSubject)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Set<String> heldBack = new HashSet<>(DeadLetters.heldBack(connection, consumer, subjects));
        int late = 0;
        if (refuseLate) {
            Map<String, Long> lastApplied = ConsumerRows.lastSequences(connection, consumer, subjects);
            for (CloudEvent event : List.copyOf(fresh.values())) {
                Long sequence = EventEnvelope.sequenceOf(event);
                Long last = lastApplied.get(event.getSubject());
                if (sequence != null && last != null && sequence <= last && !heldBack.contains(event.getSubject())) {
                    DeadLetters.record(
                            connection,
                            consumer,
                            event,
                            DeadLetters.FAILED,
                            "arrived out of order: sequence " + sequence + " after " + last + " was applied",
                            1);
                    fresh.remove(event.getId());
                    heldBack.add(event.getSubject());
                    late++;
                }
            }
        }
        List<CloudEvent> parked = fresh.values().stream()
                .filter(event -> heldBack.contains(event.getSubject()))
                .toList();
        for (CloudEvent event : parked) {
            DeadLetters.record(
                    connection,
                    consumer,
                    event,
                    DeadLetters.PARKED,
                    "held back behind a failed event of its subject",
                    0);
            fresh.remove(event.getId());
        }
        if (!fresh.isEmpty()) {
            List<CloudEvent> ordered = inSequenceOrder(fresh.values());
            record(connection, consumer, ordered);
            handler.handle(ordered);
        }
        return new Outcome(fresh.size(), parked.size(), late);
    }

    /** The events grouped by subject, each subject's in sequence order (an event without one keeps its place first). */
    private static List<CloudEvent> inSequenceOrder(Collection<CloudEvent> events) {
        Map<String, List<CloudEvent>> bySubject = new LinkedHashMap<>();
        events.forEach(event -> bySubject
                .computeIfAbsent(event.getSubject(), subject -> new ArrayList<>())
                .add(event));
        Comparator<CloudEvent> bySequence =
                Comparator.comparing(EventEnvelope::sequenceOf, Comparator.nullsFirst(Comparator.naturalOrder()));
        return bySubject.values().stream()
                .flatMap(list -> list.stream().sorted(bySequence))
                .toList();
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

    private static void record(Connection connection, String consumer, Collection<CloudEvent> events)
            throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO consumed_event"
                + " (consumer, event_id, subject, sequence, consumed_at) VALUES (?, ?, ?, ?, ?)")) {
            for (CloudEvent event : events) {
                insert.setString(1, consumer);
                insert.setString(2, event.getId());
                insert.setString(3, event.getSubject());
                ConsumerRows.setSequence(insert, 4, event);
                insert.setObject(5, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
