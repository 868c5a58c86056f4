package org.herald.events.consumer;

/**
 * A subscription's controls and figures, as a JMX MBean
 * ({@code org.herald:type=Subscription,name=<subscription>}): reachable with
 * the server's management credentials (JConsole, the server's JMX connector).
 */
public interface SubscriberMBean {

    String getName();

    /**
     * {@code running}, {@code pausing} (asked to pause, its consumer not closed yet),
     * {@code paused}, {@code failing: <why>} or {@code stopped}.
     */
    String getStatus();

    boolean isPaused();

    /** Stops taking messages: they wait in the durable subscription until {@link #resume()}. */
    void pause();

    void resume();

    /** Events applied since start (redeliveries of applied events not counted). */
    long getApplied();

    /** Deliveries of events this consumer had applied before, skipped. */
    long getDuplicates();

    /** Database transactions of this subscription that failed (each retried, in place or by the broker). */
    long getFailedAttempts();

    /** Events given up on since start: each is a dead letter holding back its subject. */
    long getDeadLettered();

    /** Events parked since start behind a dead letter of their subject. */
    long getParked();

    /** The dead letters and the events parked behind them, one line each, starting with the entry's id. */
    String[] getDeadLetters();

    /** Applies the failed event of the entry's subject and the events parked behind it, in order. */
    String redrive(String id) throws Exception;

    /** Drops the failed event of the entry's subject (never applied) and applies the parked ones, in order. */
    String drop(String id) throws Exception;

    /** Size of the last batch taken from the subscription. */
    int getLastBatchSize();

    /** How old the oldest event of the last batch was when it was applied, in milliseconds. */
    long getLagMillis();
}
