package org.herald.events.relay;

import io.cloudevents.CloudEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.events.catalogue.EventTopic;
import org.herald.events.catalogue.EventType;
import org.herald.events.discovery.Node;
import org.herald.events.jms.CloudEventMessages;
import org.herald.events.jms.TransactedSession;
import org.herald.events.lease.Lease;
import org.herald.events.lease.Term;
import org.herald.events.store.Backlog;
import org.herald.events.store.DatabaseUnreachable;
import org.herald.events.store.EventStore;
import org.herald.events.store.EventsStored;
import org.herald.events.store.HeraldDatabase;
import org.herald.events.store.StoredEvent;
import org.herald.events.system.SystemEvents;
import org.herald.events.work.Worker;

/**
 * Publishes stored events to their topics, oldest first, in batches: one
 * local JMS transaction per batch, then one database transaction that stamps
 * the batch published. Woken when a transaction that stored events commits;
 * polls as a safety net.
 *
 * <p>A crash between the two commits publishes the batch again on restart:
 * the broker recognises each copy by its {@code _AMQ_DUPL_ID} and, since
 * Artemis refuses a whole transaction that holds a duplicate, such a batch is
 * resent one event per transaction, the refused ones counted as published.
 * Consumers deduplicate by event id as well, for copies older than the
 * broker's duplicate-id cache.
 *
 * <p>One node relays at a time: the one holding the {@code relay} {@link
 * Lease} in the shared database. The others stand by and try to take the
 * lease over every second; the leader renews it as it goes and, before each
 * broker commit, checks that its term has not run out, so a leader paused
 * past its lease (whose successor may already publish) rolls its batch back.
 * A pause between that check and the commit can still send a batch twice:
 * the broker's duplicate ids and the consumers' absorb it, as after a crash.
 */
@ApplicationScoped
public class Relay {

    private static final Logger LOG = Logger.getLogger(Relay.class.getName());
    /** While the relay works through a backlog, it says how far behind it is at most this often. */
    private static final Duration LAG_REPORT_INTERVAL = Duration.ofSeconds(30);
    /** How often a standing-by relay asks for the lease. */
    private static final Duration STANDBY_INTERVAL = Duration.ofSeconds(1);

    @Inject
    EventStore store;

    @Inject
    SystemEvents system;

    @Inject
    Node node;

    @Inject
    @ConfigProperty(name = "herald.relay.lease-ms", defaultValue = "5000")
    long leaseMillis;

    @Inject
    @ConfigProperty(name = "herald.relay.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "herald.relay.poll-interval-ms", defaultValue = "1000")
    long pollMillis;

    private final Map<EventTopic, Topic> topics = new ConcurrentHashMap<>();
    private final AtomicLong published = new AtomicLong();
    private volatile int lastBatchSize;
    private final Worker worker = new Worker("herald-relay", LOG, this::work);
    private long lastLagReport = System.nanoTime();
    private volatile Lease lease;
    /** Who this relay is to the lease: the node, and this start of it (a restarted node is a new owner). */
    private volatile String owner;
    /** This relay's term of the lease while it leads, else {@code null}. */
    private volatile Term term;

    private long lastStandbyAttempt;

    /** Starts relaying on a thread of {@code threads}; a second call does nothing. */
    public void start(ThreadFactory threads) {
        if (lease == null) {
            lease = new Lease(new HeraldDatabase(), "relay", Duration.ofMillis(leaseMillis));
            owner = node.name() + "/" + UUID.randomUUID().toString().substring(0, 8);
        }
        worker.start(threads);
    }

    /** Stops relaying and gives the lease up, so that another node takes over at once. */
    @PreDestroy
    public void stop() {
        worker.stop(Duration.ofSeconds(10));
        Term last = term;
        term = null;
        if (last != null) {
            try {
                lease.release(last);
                LOG.info(() -> "Relay lease released by " + last.owner() + " (generation " + last.generation() + ")");
            } catch (RuntimeException e) {
                LOG.warning(() -> "Relay lease not released, it expires by itself: " + e);
            }
        }
    }

    /**
     * Waits, at most {@code timeout}, until nothing is left to publish: lets
     * the last events of a stopping application (its {@code
     * system.server-stopping}) go out before the relay stops.
     */
    public void drain(Duration timeout) {
        worker.wake();
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (System.nanoTime() < deadline
                    && worker.running()
                    && store.backlog().count() > 0) {
                Thread.sleep(20);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.fine(() -> "Not waiting for the relay to drain: " + e);
        }
    }

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) EventsStored stored) {
        worker.wake();
    }

    public boolean running() {
        return worker.running();
    }

    /** Why relaying fails right now, or {@code null}. */
    public String failure() {
        return worker.failure();
    }

    /** Events published since start. */
    public long published() {
        return published.get();
    }

    public int lastBatchSize() {
        return lastBatchSize;
    }

    /** This node's term of the relay lease while it relays; empty while it stands by. */
    public Optional<Term> leading() {
        return Optional.ofNullable(term);
    }

    /** One round of the worker; a lost broker or database is reported to {@link SystemEvents} before the retry. */
    private void work(Worker worker) throws JMSException {
        try {
            relayBatches(worker);
        } catch (JMSException | JMSRuntimeException e) {
            system.brokerLost(e);
            throw e;
        } catch (RuntimeException e) {
            if (DatabaseUnreachable.explains(e)) {
                system.databaseLost(e);
            }
            throw e;
        }
    }

    private void relayBatches(Worker worker) throws JMSException {
        try (TransactedSession jms = TransactedSession.open()) {
            Session session = jms.session();
            MessageProducer producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            while (worker.running()) {
                if (!lead(worker)) {
                    continue;
                }
                List<StoredEvent> batch = store.unpublished(batchSize);
                worker.recovered();
                system.databaseReachable();
                if (batch.isEmpty()) {
                    worker.await(Duration.ofMillis(pollMillis));
                    continue;
                }
                if (!send(session, producer, batch)) {
                    continue;
                }
                system.brokerReachable();
                store.markPublished(batch.stream().map(StoredEvent::position).toList());
                published.addAndGet(batch.size());
                lastBatchSize = batch.size();
                if (batch.size() == batchSize) {
                    reportLag(batch.get(0));
                }
            }
        }
    }

    /** A full batch means a backlog: log its size and the age of the oldest event, now and then. */
    private void reportLag(StoredEvent oldest) {
        long now = System.nanoTime();
        if (now - lastLagReport < LAG_REPORT_INTERVAL.toNanos()) {
            return;
        }
        lastLagReport = now;
        Backlog backlog = store.backlog();
        LOG.info(() -> "Relay behind: " + backlog.count() + " events unpublished, the oldest published now was "
                + Duration.between(oldest.event().getTime(), OffsetDateTime.now())
                        .toMillis() + " ms old");
    }

    /**
     * Whether this node leads now: renews its term when a third of it has
     * passed, or, standing by, asks for the lease once per {@link
     * #STANDBY_INTERVAL} (waiting in between).
     */
    private boolean lead(Worker worker) {
        Term current = term;
        if (current != null && !lease.due(current)) {
            return true;
        }
        if (current == null) {
            long wait = STANDBY_INTERVAL.toNanos() - (System.nanoTime() - lastStandbyAttempt);
            if (wait > 0) {
                worker.await(Duration.ofNanos(wait));
                return false;
            }
            lastStandbyAttempt = System.nanoTime();
        }
        Optional<Term> next = current == null ? lease.acquire(owner) : lease.renew(current);
        worker.recovered();
        term = next.orElse(null);
        if (current == null && term != null) {
            Term now = term;
            LOG.info(() ->
                    "This node relays now: " + now.owner() + " holds the relay lease, generation " + now.generation());
        } else if (current != null && term == null) {
            LOG.warning(() -> "Relay lease lost by " + current.owner() + " (generation " + current.generation()
                    + "): standing by");
        }
        return term != null;
    }

    /** Sends a batch in one broker transaction; {@code false} if the lease ran out first and nothing was sent. */
    private boolean send(Session session, MessageProducer producer, List<StoredEvent> batch) throws JMSException {
        try {
            for (StoredEvent stored : batch) {
                send(session, producer, stored);
            }
            Term current = term;
            if (current == null || !current.valid()) {
                rollback(session);
                LOG.warning(() -> "Relay lease ran out before a batch of " + batch.size()
                        + " was committed: rolled back, standing by");
                term = null;
                return false;
            }
            session.commit();
        } catch (JMSException e) {
            if (!isDuplicate(e)) {
                throw e;
            }
            rollback(session);
            LOG.info(() -> "The broker already has some of " + batch.size()
                    + " events (published before a restart?): resending them one by one");
            for (StoredEvent stored : batch) {
                try {
                    send(session, producer, stored);
                    session.commit();
                } catch (JMSException one) {
                    if (!isDuplicate(one)) {
                        throw one;
                    }
                    rollback(session);
                    LOG.fine(() -> "Event " + stored.event().getId() + " was already on the broker");
                }
            }
        }
        return true;
    }

    /**
     * Whether the broker refused a transaction because it holds a message id
     * it has seen ({@code _AMQ_DUPL_ID}). Artemis reports it as a plain
     * {@code JMSException} caused by its {@code ActiveMQDuplicateIdException},
     * a class the application cannot see on every server: it is told by name.
     */
    private static boolean isDuplicate(JMSException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().equals("ActiveMQDuplicateIdException")) {
                return true;
            }
        }
        return e.getLinkedException() != null
                && e.getLinkedException().getClass().getSimpleName().equals("ActiveMQDuplicateIdException");
    }

    private static void rollback(Session session) {
        try {
            session.rollback();
        } catch (JMSException e) {
            // the broker ended the transaction itself
        }
    }

    private void send(Session session, MessageProducer producer, StoredEvent stored) throws JMSException {
        CloudEvent event = stored.event();
        Message message = CloudEventMessages.message(session, event);
        if (stored.replays() > 0) {
            // the broker remembers the first copy's duplicate id: a replay needs its own to get through
            message.setStringProperty(
                    CloudEventMessages.DUPLICATE_ID_PROPERTY, event.getId() + "#replay-" + stored.replays());
        }
        producer.send(topic(EventType.of(event.getType()).topic()), message);
    }

    private Topic topic(EventTopic topic) {
        return topics.computeIfAbsent(topic, EventTopic::destination);
    }
}
