package org.herald.systemtests.faults;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An Artemis client outside every node, as the read-only client user, on the
 * shared broker's {@code jms.topic.order.events}: it notes each event's subject,
 * sequence and id in the order they arrive, whichever node's relay sent them.
 */
final class OrderEventTap implements AutoCloseable {

    /** One delivery, as the broker handed it over. */
    record Arrival(String subject, long sequence, String id) {}

    private final ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(StandaloneBroker.URL);
    private final JMSContext context;
    private final JMSConsumer consumer;
    private final List<Arrival> arrivals = new ArrayList<>();

    OrderEventTap() {
        context = factory.createContext(
                StandaloneBroker.CLIENT_USER, StandaloneBroker.CLIENT_PASSWORD, JMSContext.AUTO_ACKNOWLEDGE);
        consumer = context.createConsumer(context.createTopic("jms.topic.order.events"));
        consumer.setMessageListener(
                message -> { // one session: called for one message at a time, in order
                    try {
                        Arrival arrival = new Arrival(
                                message.getStringProperty("cloudEvents_subject"),
                                Long.parseLong(message.getStringProperty("cloudEvents_sequence")),
                                message.getStringProperty("cloudEvents_id"));
                        synchronized (arrivals) {
                            arrivals.add(arrival);
                        }
                    } catch (JMSException | RuntimeException e) {
                        throw new IllegalStateException("unreadable order event " + message, e);
                    }
                });
    }

    /** Waits until every one of {@code ids} has arrived, or the deadline; then what arrived. */
    List<Arrival> awaitAll(Collection<String> ids, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<Arrival> now = arrivals();
            Set<String> arrived = new HashSet<>();
            now.forEach(a -> arrived.add(a.id()));
            if (arrived.containsAll(ids) || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(100);
        }
    }

    List<Arrival> arrivals() {
        synchronized (arrivals) {
            return List.copyOf(arrivals);
        }
    }

    @Override
    public void close() {
        consumer.close();
        context.close();
        factory.close();
    }
}
