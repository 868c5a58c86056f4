package org.herald.systemtests;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * An Artemis core client outside the server, on tcp://localhost:61616 with
 * the read-only client user, subscribed to one of Herald's topics at the
 * address the README documents ({@code jms.topic.<topic>} on WildFly).
 */
final class ExternalSubscriber implements AutoCloseable {

    static final String URL = "tcp://localhost:61616";
    static final String USER = "herald-client";
    static final String PASSWORD = "herald-client-1";

    private final ActiveMQConnectionFactory factory;
    private final JMSContext context;
    private final JMSConsumer consumer;

    ExternalSubscriber(String topic) {
        factory = new ActiveMQConnectionFactory(URL);
        context = factory.createContext(USER, PASSWORD, JMSContext.AUTO_ACKNOWLEDGE);
        consumer = context.createConsumer(context.createTopic("jms.topic." + topic));
    }

    /** Every message received until one matches, in arrival order; fails at the deadline. */
    List<TextMessage> receiveUntil(Predicate<TextMessage> last, Duration timeout) throws JMSException {
        List<TextMessage> seen = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(250);
            if (message != null) {
                TextMessage text = (TextMessage) message;
                seen.add(text);
                if (last.test(text)) {
                    return seen;
                }
            }
        }
        throw new AssertionError("No matching message within " + timeout.toMillis() + " ms; received " + seen.size());
    }

    static Predicate<TextMessage> subject(String subject) {
        return message -> {
            try {
                return subject.equals(message.getStringProperty("cloudEvents_subject"));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    static Predicate<TextMessage> typeAndSubject(String type, String subject) {
        return subject(subject).and(message -> {
            try {
                return type.equals(message.getStringProperty("cloudEvents_type"));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Override
    public void close() {
        consumer.close();
        context.close();
        factory.close();
    }
}
