package org.herald.events.consumer;

import io.cloudevents.CloudEvent;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.Topic;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herald.events.EventEnvelope;
import org.herald.events.jms.CloudEventMessages;
import org.herald.events.jms.TransactedSession;
import org.herald.events.store.DatabaseUnreachable;
import org.herald.events.work.Worker;

/**
 * Consumes one subscription in batches: takes up to {@code batchSize}
 * messages in a local broker transaction (waiting at most {@code linger} for
 * more once the first has come), applies the new ones in one database
 * transaction ({@link ConsumedEvents#apply}), commits the database, then the
 * broker. A crash between the two commits redelivers the batch, whose events
 * are then found applied; their outputs are already in the event store.
 *
 * <p>A failed database transaction is retried in place with back-off, holding
 * the batch, so no later event of a subject can overtake it; while the
 * database is unreachable, indefinitely. When it keeps failing, or a message
 * is not a CloudEvent at all, the broker transaction is rolled back and the
 * next messages are taken one at a time, so the others are applied. An event
 * that still fails after {@value #DELIVERIES_BEFORE_DEAD_LETTER} deliveries
 * becomes a dead letter in the database and holds back the later events of
 * its subject (parked) until it is redriven or dropped; a message that is no
 * CloudEvent climbs to the broker's max-delivery-attempts and moves to the
 * broker's dead-letter queue.
 */
public final class Subscriber implements SubscriberMBean {

    private static final Logger LOG = Logger.getLogger(Subscriber.class.getName());
    private static final Duration RECEIVE_TIMEOUT = Duration.ofSeconds(1);
    private static final int RETRIES_IN_PLACE = 3;
    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration UNREACHABLE_RETRY = Duration.ofSeconds(2);
    /** Below the broker's max-delivery-attempts (5), so Herald records the dead letter, not the broker. */
    static final int DELIVERIES_BEFORE_DEAD_LETTER = 3;

    private final Subscription subscription;
    private final EventHandler handler;
    private final ConsumedEvents consumed;
    private final int batchSize;
    private final Duration linger;
    private final Worker worker;

    private volatile boolean paused;
    /** True while a consumer is open on the subscription (a pause takes effect when it closes). */
    private volatile boolean consuming;

    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private volatile int lastBatchSize;
    private volatile long lagMillis;

    public Subscriber(
            Subscription subscription, EventHandler handler, ConsumedEvents consumed, int batchSize, Duration linger) {
        this.subscription = subscription;
        this.handler = handler;
        this.consumed = consumed;
        this.batchSize = batchSize;
        this.linger = linger;
        this.worker = new Worker("herald-subscription-" + subscription.name(), LOG, this::consume);
    }

    public Subscription subscription() {
        return subscription;
    }

    public void start(ThreadFactory threads) {
        worker.start(threads);
    }

    public void stop() {
        worker.stop(Duration.ofSeconds(10));
    }

    @Override
    public String getName() {
        return subscription.name();
    }

    @Override
    public String getStatus() {
        if (!worker.running()) {
            return "stopped";
        }
        String failure = worker.failure();
        if (failure != null) {
            return "failing: " + failure;
        }
        if (paused) {
            return consuming ? "pausing" : "paused";
        }
        return "running";
    }

    @Override
    public boolean isPaused() {
        return paused;
    }

    @Override
    public void pause() {
        paused = true;
        LOG.info(() -> "Subscription " + subscription.name() + " paused");
    }

    @Override
    public void resume() {
        paused = false;
        worker.wake();
        LOG.info(() -> "Subscription " + subscription.name() + " resumed");
    }

    @Override
    public long getApplied() {
        return applied.get();
    }

    @Override
    public long getDuplicates() {
        return duplicates.get();
    }

    @Override
    public long getFailedAttempts() {
        return failedAttempts.get();
    }

    @Override
    public long getDeadLettered() {
        return deadLettered.get();
    }

    @Override
    public long getParked() {
        return parked.get();
    }

    @Override
    public int getLastBatchSize() {
        return lastBatchSize;
    }

    @Override
    public long getLagMillis() {
        return lagMillis;
    }

    private void consume(Worker worker) throws JMSException {
        while (paused && worker.running()) {
            worker.await(RECEIVE_TIMEOUT);
        }
        if (!worker.running()) {
            return;
        }
        consuming = true;
        try (TransactedSession jms = TransactedSession.open()) {
            Session session = jms.session();
            Topic topic = subscription.topic().destination();
            MessageConsumer consumer =
                    session.createSharedDurableConsumer(topic, subscription.name(), subscription.selector());
            jms.start();
            int takeAlone = 0;
            // pausing closes the consumer: messages it had buffered go back to the subscription
            while (worker.running() && !paused) {
                List<Message> batch = receive(consumer, takeAlone > 0 ? 1 : batchSize);
                worker.recovered();
                if (batch.isEmpty()) {
                    continue;
                }
                if (apply(batch)) {
                    session.commit();
                    takeAlone = Math.max(0, takeAlone - 1);
                } else {
                    session.rollback();
                    takeAlone = batch.size(); // the messages of the failed batch, one at a time
                }
            }
        } finally {
            consuming = false;
        }
    }

    private List<Message> receive(MessageConsumer consumer, int max) throws JMSException {
        List<Message> batch = new ArrayList<>(max);
        Message first = consumer.receive(RECEIVE_TIMEOUT.toMillis());
        if (first == null) {
            return batch;
        }
        batch.add(first);
        long lingerUntil = System.nanoTime() + linger.toNanos();
        while (batch.size() < max) {
            Message next = consumer.receiveNoWait();
            if (next == null) {
                long left = lingerUntil - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                next = consumer.receive(Math.max(1, Duration.ofNanos(left).toMillis()));
                if (next == null) {
                    break;
                }
            }
            batch.add(next);
        }
        return batch;
    }

    /** Applies a batch; {@code false} if the broker transaction must roll back. */
    private boolean apply(List<Message> batch) throws JMSException {
        List<CloudEvent> events = new ArrayList<>(batch.size());
        for (Message message : batch) {
            try {
                events.add(CloudEventMessages.read(message));
            } catch (RuntimeException notAnEvent) {
                if (batch.size() == 1) {
                    LOG.warning(() -> "Subscription " + subscription.name() + ": message " + messageId(message)
                            + " (delivery " + deliveryCount(message) + ") is not a CloudEvent, given back to the"
                            + " broker to be dead-lettered: " + notAnEvent.getMessage());
                }
                return false;
            }
        }
        Duration retry = FIRST_RETRY;
        for (int attempt = 0; ; attempt++) {
            try {
                ConsumedEvents.Outcome outcome = consumed.apply(subscription.name(), events, handler);
                applied.addAndGet(outcome.applied());
                parked.addAndGet(outcome.parked());
                deadLettered.addAndGet(outcome.late());
                duplicates.addAndGet(events.size() - outcome.applied() - outcome.parked() - outcome.late());
                if (outcome.late() > 0) {
                    LOG.warning(() -> "Subscription " + subscription.name() + ": " + outcome.late() + " event(s)"
                            + " arrived after a later event of their subject had been applied; dead-lettered,"
                            + " and their subjects' later events are parked until they are redriven or dropped");
                }
                lastBatchSize = events.size();
                lagMillis = lag(events);
                return true;
            } catch (Exception e) {
                failedAttempts.incrementAndGet();
                if (!worker.running()) {
                    return false;
                }
                if (DatabaseUnreachable.explains(e)) {
                    // not the events' fault: wait it out holding the batch, without a
                    // redelivery (which would count towards the broker's dead-letter limit)
                    worker.failing("database unreachable: " + rootMessage(e), e);
                    worker.await(UNREACHABLE_RETRY);
                    attempt = -1; // the events get their retries in place once the database is back
                    retry = FIRST_RETRY;
                    continue;
                }
                if (attempt < RETRIES_IN_PLACE) {
                    worker.await(retry);
                    retry = retry.multipliedBy(4);
                    continue;
                }
                return batch.size() == 1 && giveUp(batch.get(0), events.get(0), e);
            }
        }
    }

    /**
     * A single event that failed its retries in place: given back to the broker
     * for another delivery, or, after {@link #DELIVERIES_BEFORE_DEAD_LETTER},
     * recorded as a dead letter (then {@code true}: the message is acknowledged).
     * From then on its subject's later events are parked behind it.
     */
    private boolean giveUp(Message message, CloudEvent event, Exception failure) {
        int deliveries = deliveryCount(message);
        if (deliveries < DELIVERIES_BEFORE_DEAD_LETTER) {
            LOG.log(
                    Level.WARNING,
                    "Subscription " + subscription.name() + ": event " + event.getId() + " (delivery " + deliveries
                            + ") failed, given back to the broker: " + rootMessage(failure));
            return false;
        }
        try {
            consumed.deadLetter(subscription.name(), event, rootMessage(failure), deliveries);
            deadLettered.incrementAndGet();
            LOG.log(
                    Level.WARNING,
                    "Subscription " + subscription.name() + ": event " + event.getId() + " of "
                            + event.getSubject() + " failed " + deliveries + " deliveries; dead-lettered, and the later"
                            + " events of its subject are parked behind it until it is redriven or dropped",
                    failure);
            return true;
        } catch (Exception e) {
            LOG.log(
                    Level.WARNING,
                    "Subscription " + subscription.name() + ": could not dead-letter event " + event.getId()
                            + "; given back to the broker",
                    e);
            return false;
        }
    }

    @Override
    public String[] getDeadLetters() {
        return deadLetters().stream()
                .map(entry -> entry.id() + " " + entry.state() + " "
                        + entry.event().getType() + " "
                        + entry.event().getId() + " subject=" + entry.event().getSubject() + " sequence="
                        + EventEnvelope.sequenceOf(entry.event()) + " attempts=" + entry.attempts() + " at "
                        + entry.recordedAt() + (entry.reason() == null ? "" : ": " + entry.reason()))
                .toArray(String[]::new);
    }

    @Override
    public String redrive(String id) throws Exception {
        return summary(release(id, false), "redriven");
    }

    @Override
    public String drop(String id) throws Exception {
        return summary(release(id, true), "dropped (the failed event) and released");
    }

    /** The dead letters of this subscription and the events parked behind them, subject by subject. */
    public List<DeadLetters.Entry> deadLetters() {
        return consumed.deadLetters(subscription.name());
    }

    /**
     * Applies (or, with {@code drop}, drops) the failed event of the subject of
     * entry {@code id}, then applies the events parked behind it, in order.
     *
     * @return the entries released; empty if this subscription has no entry {@code id}
     */
    public List<DeadLetters.Entry> release(String id, boolean drop) throws Exception {
        List<DeadLetters.Entry> released = consumed.release(subscription.name(), id, drop, handler);
        if (!released.isEmpty()) {
            released.stream()
                    .filter(entry -> drop && entry.state().equals(DeadLetters.FAILED))
                    .forEach(entry -> LOG.warning(() -> "Subscription " + subscription.name() + ": dead-lettered event "
                            + entry.event().getId() + " of " + entry.event().getSubject() + " dropped, never applied"));
            LOG.info(() -> "Subscription " + subscription.name() + ": " + released.size() + " event(s) of "
                    + released.get(0).event().getSubject() + (drop ? " released after a drop" : " redriven"));
        }
        return released;
    }

    private String summary(List<DeadLetters.Entry> entries, String what) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("No dead letter of " + subscription.name() + " with that id");
        }
        return entries.size() + " event(s) of subject " + entries.get(0).event().getSubject() + " " + what;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static long lag(List<CloudEvent> events) {
        OffsetDateTime oldest = events.stream()
                .map(CloudEvent::getTime)
                .filter(time -> time != null)
                .min(OffsetDateTime::compareTo)
                .orElse(null);
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, OffsetDateTime.now()).toMillis());
    }

    private static String messageId(Message message) {
        try {
            return message.getJMSMessageID();
        } catch (JMSException e) {
            return "?";
        }
    }

    private static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | NumberFormatException e) {
            return 0;
        }
    }
}
