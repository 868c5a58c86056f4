package org.herald.events.lease;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.herald.events.store.EventStoreFailure;
import org.herald.events.store.HeraldDatabase;
import org.herald.events.store.SqlStates;

/**
 * A named lease in Herald's database, held by one owner at a time for
 * {@code duration} unless renewed. Every decision is one short transaction
 * that locks the lease's row and reads the database's clock, so two nodes
 * asking at once get one answer, and their own clocks do not matter.
 *
 * <p>A new holder gets a higher generation than any before it. Work done in
 * the lease's name checks, in its own transaction, that its generation still
 * holds ({@link #holds}): a holder that was paused past its expiry (a long
 * GC, a frozen VM) finds that it lost the lease instead of writing over its
 * successor.
 */
public final class Lease {

    /** SQLSTATE of a unique-constraint violation, on H2 and PostgreSQL alike. */
    private static final Set<String> UNIQUE_VIOLATION = Set.of("23505");

    private static final OffsetDateTime NEVER_HELD = OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    private final HeraldDatabase database;
    private final String name;
    private final Duration duration;

    public Lease(HeraldDatabase database, String name, Duration duration) {
        this.database = database;
        this.name = name;
        this.duration = duration;
    }

    public String name() {
        return name;
    }

    public Duration duration() {
        return duration;
    }

    /**
     * Takes the lease for {@code owner} if nobody holds it or its holder let
     * it expire (a new generation), or renews it if {@code owner} holds it
     * still (the same generation). Empty while someone else holds it.
     */
    public Optional<Term> acquire(String owner) {
        long asked = System.nanoTime();
        return inTransaction(connection -> {
            Holder current = lockRow(connection);
            OffsetDateTime now = databaseNow(connection);
            boolean live = current.expiresAt().isAfter(now);
            if (live && !owner.equals(current.owner())) {
                return Optional.empty();
            }
            OffsetDateTime until = now.plus(duration);
            long generation = live ? current.generation() : current.generation() + 1;
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE lease SET owner = ?, generation = ?, expires_at = ?,"
                            + " acquired_at = CASE WHEN generation = ? THEN acquired_at ELSE ? END WHERE name = ?")) {
                update.setString(1, owner);
                update.setLong(2, generation);
                update.setObject(3, until);
                update.setLong(4, generation);
                update.setObject(5, now);
                update.setString(6, name);
                update.executeUpdate();
            }
            return Optional.of(new Term(name, owner, generation, until, asked + duration.toNanos()));
        });
    }

    /** Extends {@code term} by the lease's duration; empty if it was lost (expired and taken, or released). */
    public Optional<Term> renew(Term term) {
        long asked = System.nanoTime();
        return inTransaction(connection -> {
            if (!holds(connection, term)) {
                return Optional.empty();
            }
            OffsetDateTime until = databaseNow(connection).plus(duration);
            try (PreparedStatement update =
                    connection.prepareStatement("UPDATE lease SET expires_at = ? WHERE name = ?")) {
                update.setObject(1, until);
                update.setString(2, name);
                update.executeUpdate();
            }
            return Optional.of(new Term(name, term.owner(), term.generation(), until, asked + duration.toNanos()));
        });
    }

    /** Whether {@code term} is due for renewal: a third of the lease's duration has passed since it was granted. */
    public boolean due(Term term) {
        return term.validUntilNanos() - System.nanoTime() < duration.toNanos() * 2 / 3;
    }

    /** Gives the lease up at once, so that another node need not wait for it to expire. */
    public void release(Term term) {
        inTransaction(connection -> {
            if (holds(connection, term)) {
                try (PreparedStatement update =
                        connection.prepareStatement("UPDATE lease SET expires_at = ? WHERE name = ?")) {
                    update.setObject(1, databaseNow(connection));
                    update.setString(2, name);
                    update.executeUpdate();
                }
            }
            return null;
        });
    }

    /**
     * Whether {@code term} still holds the lease, asked inside the caller's
     * transaction: the row stays locked until it ends, so no other node can
     * take the lease over between this check and the caller's commit.
     */
    public boolean holds(Connection connection, Term term) throws SQLException {
        Holder current = lockRow(connection);
        return current.generation() == term.generation()
                && term.owner().equals(current.owner())
                && current.expiresAt().isAfter(databaseNow(connection));
    }

    /** Who holds the lease now and since when, for health and logs; empty if nobody does. */
    public Optional<Holder> holder() {
        return inTransaction(connection -> {
            Holder current = lockRow(connection);
            return current.expiresAt().isAfter(databaseNow(connection)) ? Optional.of(current) : Optional.empty();
        });
    }

    /**
     * The leases whose name begins with {@code prefix} and that someone holds now, by name: for
     * leases taken one per member of a group, such as one per node.
     */
    public static Map<String, Holder> held(HeraldDatabase database, String prefix) {
        try (Connection connection = database.source().getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT name, owner, generation, expires_at, acquired_at FROM lease"
                                + " WHERE name LIKE ? AND expires_at > CURRENT_TIMESTAMP ORDER BY name")) {
            select.setString(1, prefix.replace("%", "\\%").replace("_", "\\_") + "%");
            Map<String, Holder> held = new LinkedHashMap<>();
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    held.put(
                            row.getString(1),
                            new Holder(
                                    row.getString(2),
                                    row.getLong(3),
                                    row.getObject(4, OffsetDateTime.class),
                                    row.getObject(5, OffsetDateTime.class)));
                }
            }
            return held;
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not read the leases " + prefix + "*", e);
        }
    }

    /** The lease's row as it is, read under a row lock (created on first use). */
    private Holder lockRow(Connection connection) throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT owner, generation, expires_at, acquired_at FROM lease WHERE name = ? FOR UPDATE")) {
                select.setString(1, name);
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        return new Holder(
                                row.getString(1),
                                row.getLong(2),
                                row.getObject(3, OffsetDateTime.class),
                                row.getObject(4, OffsetDateTime.class));
                    }
                }
            }
            if (attempt > 0) {
                throw new SQLException("Lease " + name + " has no row, and creating it did not help");
            }
            create();
        }
    }

    /** Inserts the lease's row in a transaction of its own; a node that lost the race to insert it is content. */
    private void create() throws SQLException {
        try (Connection connection = database.source().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO lease (name, owner, generation, expires_at) VALUES (?, NULL, 0, ?)")) {
            insert.setString(1, name);
            insert.setObject(2, NEVER_HELD);
            insert.executeUpdate();
        } catch (SQLException e) {
            if (!SqlStates.causedBy(e, UNIQUE_VIOLATION)) {
                throw e;
            }
        }
    }

    private static OffsetDateTime databaseNow(Connection connection) throws SQLException {
        try (PreparedStatement now = connection.prepareStatement("SELECT CURRENT_TIMESTAMP");
                ResultSet row = now.executeQuery()) {
            row.next();
            return row.getObject(1, OffsetDateTime.class);
        }
    }

    private <T> T inTransaction(Work<T> work) {
        try (Connection connection = database.source().getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new EventStoreFailure("Could not read or write lease " + name, e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** The lease's row: its owner (or the last one), generation, expiry and when this generation began. */
    public record Holder(String owner, long generation, OffsetDateTime expiresAt, OffsetDateTime acquiredAt) {}
}
