package org.herald.bench;

import io.cloudevents.CloudEvent;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import org.apache.activemq.artemis.jms.client.ActiveMQMessage;
import org.herald.events.jms.CloudEventMessages;

/**
 * Publishes CloudEvents on one topic address in local JMS transactions, as
 * Herald's relay does: the message body and properties come from
 * {@link CloudEventMessages}, persistent.
 */
final class Publisher implements AutoCloseable {

    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private int lastMessageBytes;

    Publisher(ConnectionFactory factory, String user, String password, String address) throws JMSException {
        connection = factory.createConnection(user, password);
        session = connection.createSession(Session.SESSION_TRANSACTED);
        producer = session.createProducer(session.createTopic(address));
        producer.setDeliveryMode(DeliveryMode.PERSISTENT);
    }

    void send(CloudEvent event) throws JMSException {
        Message message = CloudEventMessages.message(session, event);
        producer.send(message);
        lastMessageBytes = ((ActiveMQMessage) message).getCoreMessage().getEncodeSize();
    }

    void commit() throws JMSException {
        session.commit();
    }

    /** The encoded size of the last message sent, as the broker stores it. */
    int lastMessageBytes() {
        return lastMessageBytes;
    }

    @Override
    public void close() throws JMSException {
        connection.close();
    }
}
