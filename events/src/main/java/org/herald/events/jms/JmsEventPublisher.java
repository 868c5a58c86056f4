package org.herald.events.jms;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.herald.events.EventPublisher;
import org.herald.events.JndiNames;
import org.herald.events.catalogue.EventType;
import org.herald.events.discovery.Jndi;

/**
 * Publishes events to their topic through the server's pooled XA connection
 * factory ({@code herald.jms.connection-factory.jndi}): inside a JTA
 * transaction the send is enlisted with the caller's database writes, and
 * closing the context hands the connection back to the pool.
 */
@ApplicationScoped
public class JmsEventPublisher implements EventPublisher {

    private static final Logger LOG = Logger.getLogger(JmsEventPublisher.class.getName());

    /** Looked up once each, off the hot path. */
    private volatile ConnectionFactory factory;
    private final Map<org.herald.events.catalogue.Topic, Topic> topics = new ConcurrentHashMap<>();

    @Override
    public void publish(CloudEvent event) {
        org.herald.events.catalogue.Topic topic = EventType.of(event.getType()).topic();
        try (JMSContext context = factory().createContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            CloudEventMessages.properties(event).forEach(producer::setProperty);
            producer.send(destination(topic), context.createTextMessage(CloudEventMessages.body(event)));
        }
        LOG.fine(() -> "Published " + event.getType() + " " + event.getId() + " (subject " + event.getSubject()
                + ") to " + topic.topicName());
    }

    private ConnectionFactory factory() {
        if (factory == null) {
            factory = Jndi.lookup(ConnectionFactory.class, JndiNames.CONNECTION_FACTORY_KEY, JndiNames.CONNECTION_FACTORY);
        }
        return factory;
    }

    private Topic destination(org.herald.events.catalogue.Topic topic) {
        return topics.computeIfAbsent(topic,
                t -> Jndi.lookup(Topic.class, t.jndiConfigKey(), t.defaultJndiName()));
    }
}
