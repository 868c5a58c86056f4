package org.herald.bench;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/** External Artemis core clients, as any outside user of Herald would use them. */
final class Broker {

    /** Herald's read-only client user (README): subscribes to Herald's topics. */
    static final String CLIENT_USER = "herald-client";

    static final String CLIENT_PASSWORD = "herald-client-1";

    private Broker() {}

    static ActiveMQConnectionFactory factory(String url) {
        return new ActiveMQConnectionFactory(url);
    }

    /** WildFly names the address of JMS topic {@code t} {@code jms.topic.t}. */
    static String address(String topic) {
        return "jms.topic." + topic;
    }

    /** A non-durable subscriber of one of Herald's topics with a listener; close it when done. */
    static JMSContext subscribe(
            ActiveMQConnectionFactory factory, String topic, String selector, MessageListener listener) {
        JMSContext context = factory.createContext(CLIENT_USER, CLIENT_PASSWORD, JMSContext.AUTO_ACKNOWLEDGE);
        JMSConsumer consumer = context.createConsumer(context.createTopic(address(topic)), selector);
        consumer.setMessageListener(listener);
        context.start();
        return context;
    }

    static String text(Message message) {
        try {
            return ((TextMessage) message).getText();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
