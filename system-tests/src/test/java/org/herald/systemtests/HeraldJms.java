package org.herald.systemtests;

import io.cloudevents.CloudEvent;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;
import org.herald.events.jms.CloudEventMessages;

/**
 * The broker resources in-container tests use, found as Herald finds them:
 * by JNDI names from MicroProfile Config, so the tests run unchanged on every runtime.
 */
final class HeraldJms {

    private HeraldJms() {}

    static ConnectionFactory connectionFactory() {
        return Jndi.lookup(ConnectionFactory.class, JndiNames.CONNECTION_FACTORY_KEY, JndiNames.CONNECTION_FACTORY);
    }

    static Topic userEvents() {
        return org.herald.events.catalogue.EventTopic.USER_EVENTS.destination();
    }

    /** Every event received until one of {@code subject}, in arrival order; fails at the deadline. */
    static List<CloudEvent> receiveUntilSubject(JMSConsumer consumer, String subject, Duration timeout)
            throws JMSException {
        List<CloudEvent> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(250);
            if (message != null) {
                CloudEvent event = CloudEventMessages.read(message);
                seen.add(event);
                if (subject.equals(event.getSubject())) {
                    return seen;
                }
            }
        }
        throw new AssertionError("No event of " + subject + " within " + timeout + "; saw " + seen);
    }

    /** The dead-letter queue of user.events ({@code java:/jms/queue/DLQ.user.events} on WildFly). */
    static Queue userEventsDeadLetters() {
        return Jndi.lookup(Queue.class, "herald.jms.queue.DLQ.user.events.jndi", "java:/jms/queue/DLQ.user.events");
    }
}
