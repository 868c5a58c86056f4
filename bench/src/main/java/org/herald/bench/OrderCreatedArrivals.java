package org.herald.bench;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An external subscriber of {@code order.created} on {@code jms.topic.order.events}
 * (Herald's client user, as any outside consumer): records, per cause (the
 * {@code causationid}), when its order.created first arrived and which order
 * it was; counts deliveries beyond the first.
 */
final class OrderCreatedArrivals implements AutoCloseable {

    static final String CAUSATION = "cloudEvents_causationid";
    static final String ID = "cloudEvents_id";

    private final Map<String, String> orderByCause = new ConcurrentHashMap<>();
    private final AtomicLong deliveries = new AtomicLong();
    private final AtomicLong secondOrders = new AtomicLong();
    private final BiConsumer<String, Long> onArrival;
    private final JMSContext context;
    private volatile long firstArrival;
    private volatile long lastArrival;

    /** {@code onArrival(causationId, nanos)} is called once per cause, on its first order.created. */
    OrderCreatedArrivals(ActiveMQConnectionFactory factory, BiConsumer<String, Long> onArrival) {
        this.onArrival = onArrival;
        this.context = Broker.subscribe(factory, "order.events", "cloudEvents_type = 'order.created'", this::arrived);
    }

    private void arrived(Message message) {
        long now = System.nanoTime();
        deliveries.incrementAndGet();
        String cause = Broker.property(message, CAUSATION);
        String order = Broker.property(message, ID);
        if (cause == null) {
            return;
        }
        String before = orderByCause.putIfAbsent(cause, order);
        if (before != null) {
            if (!before.equals(order)) {
                secondOrders.incrementAndGet();
            }
            return;
        }
        if (firstArrival == 0) {
            firstArrival = now;
        }
        lastArrival = now;
        onArrival.accept(cause, now);
    }

    /** Waits until every cause has its order.created, at most {@code seconds}; returns how many have not. */
    long await(Collection<String> causes, long seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        // cheap while waiting (the phase resets this subscriber, so it sees only the phase's causes), exact at the end
        while (orderByCause.size() < causes.size() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
        }
        return missing(causes);
    }

    private long missing(Collection<String> causes) {
        return causes.stream().filter(c -> !orderByCause.containsKey(c)).count();
    }

    long firstArrival() {
        return firstArrival;
    }

    long lastArrival() {
        return lastArrival;
    }

    long deliveries() {
        return deliveries.get();
    }

    /** order.created events for a cause that already had a different order: an order made twice. */
    long secondOrders() {
        return secondOrders.get();
    }

    void reset() {
        orderByCause.clear();
        deliveries.set(0);
        secondOrders.set(0);
        firstArrival = 0;
        lastArrival = 0;
    }

    @Override
    public void close() {
        context.close();
    }
}
