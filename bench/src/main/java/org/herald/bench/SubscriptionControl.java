package org.herald.bench;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import javax.management.ObjectName;

/**
 * The order service's subscription to {@code user.registered}, through its
 * MBean {@code org.herald:type=Subscription,name="order-service-user-registered"}:
 * pause, resume and its figures.
 */
final class SubscriptionControl {

    static final String SUBSCRIPTION = "order-service-user-registered";
    private static final String MBEAN = "org.herald:type=Subscription,name=" + ObjectName.quote(SUBSCRIPTION);

    private final ServerJmx jmx;

    SubscriptionControl(ServerJmx jmx) {
        this.jmx = jmx;
    }

    /** Pauses and waits (at most 30 s) until the MBean says so. */
    void pause() throws Exception {
        jmx.invoke(MBEAN, "pause");
        awaitStatus("paused", Duration.ofSeconds(30));
    }

    void resume() throws Exception {
        jmx.invoke(MBEAN, "resume");
    }

    String status() throws Exception {
        return (String) jmx.attribute(MBEAN, "Status");
    }

    long applied() throws Exception {
        return (Long) jmx.attribute(MBEAN, "Applied");
    }

    long duplicates() throws Exception {
        return (Long) jmx.attribute(MBEAN, "Duplicates");
    }

    int lastBatchSize() throws Exception {
        return (Integer) jmx.attribute(MBEAN, "LastBatchSize");
    }

    long lagMillis() throws Exception {
        return (Long) jmx.attribute(MBEAN, "LagMillis");
    }

    private void awaitStatus(String expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = status();
        while (!status.equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("subscription " + SUBSCRIPTION + " is " + status + ", not " + expected);
            }
            LockSupport.parkNanos(10_000_000L);
            status = status();
        }
    }
}
