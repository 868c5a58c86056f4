package org.herald.events.system;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herald.events.EventEnvelope;
import org.herald.events.catalogue.DependencyOutage;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.ServerLifecycle;
import org.herald.events.discovery.Node;
import org.herald.events.store.EventStore;

/**
 * Herald's system events, on {@code system.events}, with the node as
 * subject: the application started or is stopping, the broker or the
 * database was lost and came back. They go through the event store like any
 * other event, so they are stored first and relayed when the broker takes
 * them: a lost broker is recorded at once ({@code system.broker-down}) and
 * published, with {@code system.broker-up}, once it is back; a lost database
 * cannot record anything, so {@code system.database-down} is stored when it
 * is back, with the whole outage in its data.
 *
 * <p>The relay reports outages here, as it is the one part of Herald that
 * always talks to both. While the broker is away, the relay's retries keep
 * failing on it; the first failure records the outage, the first commit
 * afterwards (which is {@code system.broker-down} itself going out) its end.
 */
@ApplicationScoped
public class SystemEvents {

    static final URI SOURCE = URI.create("/herald/system");
    private static final Logger LOG = Logger.getLogger(SystemEvents.class.getName());

    @Inject
    EventStore store;

    @Inject
    Node node;

    private OffsetDateTime brokerLostAt;
    private OffsetDateTime databaseLostAt;
    private String databaseReason;

    /** This node's name, the subject of its system events. */
    public String node() {
        return node.name();
    }

    public void started() {
        record(EventType.SERVER_STARTED, new ServerLifecycle(node(), now()));
    }

    public void stopping() {
        record(EventType.SERVER_STOPPING, new ServerLifecycle(node(), now()));
    }

    /** The relay could not reach the broker; recorded the first time of an outage. */
    public synchronized void brokerLost(Exception cause) {
        if (brokerLostAt == null) {
            brokerLostAt = now();
            record(EventType.BROKER_DOWN, new DependencyOutage(node(), "broker", brokerLostAt, null, reason(cause)));
        }
    }

    /** The relay could not reach the database; remembered until it is back, when it can be recorded. */
    public synchronized void databaseLost(Exception cause) {
        if (databaseLostAt == null) {
            databaseLostAt = now();
            databaseReason = reason(cause);
        }
    }

    /** The relay read from the database: records the end of a database outage, if there was one. */
    public synchronized void databaseReachable() {
        if (databaseLostAt != null
                && record(
                        EventType.DATABASE_DOWN,
                        new DependencyOutage(node(), "database", databaseLostAt, now(), databaseReason))) {
            databaseLostAt = null;
        }
    }

    /**
     * The relay committed a batch to the broker: records the end of a broker
     * outage, if there was one. (Only a commit proves it: a pooled connection
     * factory may hand out a session before the broker is really there.)
     */
    public synchronized void brokerReachable() {
        if (brokerLostAt != null
                && record(EventType.BROKER_UP, new DependencyOutage(node(), "broker", brokerLostAt, now(), null))) {
            brokerLostAt = null;
        }
    }

    /** Whether the event was stored; a system event that cannot be stored is logged, never thrown. */
    private boolean record(EventType type, Object data) {
        try {
            store.publish(EventEnvelope.first(type, SOURCE, node(), data));
            LOG.info(() -> "System event " + type.type() + ": " + data);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not store system event " + type.type() + " (" + data + ")", e);
            return false;
        }
    }

    private static String reason(Exception cause) {
        Throwable root = cause;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String text = root.getClass().getSimpleName() + ": " + root.getMessage();
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
