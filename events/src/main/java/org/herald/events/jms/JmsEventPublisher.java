package org.herald.events.jms;

import io.cloudevents.CloudEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Topic;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.herald.events.EventPublisher;
import org.herald.events.catalogue.EventType;
import org.herald.events.discovery.Jndi;

/**
 * Publishes events to their topic through the container's JMSContext. The
 * platform's default connection factory is XA (WildFly's {@code java:/JmsXA}),
 * so the send is part of the caller's JTA transaction, together with its
 * database writes.
 */
@ApplicationScoped
public class JmsEventPublisher implements EventPublisher {

    private static final Logger LOG = Logger.getLogger(JmsEventPublisher.class.getName());

    @Inject
    JMSContext context;

    /** Topics looked up once each, off the hot path. */
    private final Map<org.herald.events.catalogue.Topic, Topic> topics = new ConcurrentHashMap<>();

    @Override
    public void publish(CloudEvent event) {
        org.herald.events.catalogue.Topic topic = EventType.of(event.getType()).topic();
        JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        CloudEventMessages.properties(event).forEach(producer::setProperty);
        producer.send(destination(topic), context.createTextMessage(CloudEventMessages.body(event)));
        LOG.fine(() -> "Published " + event.getType() + " " + event.getId() + " (subject " + event.getSubject()
                + ") to " + topic.topicName());
    }

    private Topic destination(org.herald.events.catalogue.Topic topic) {
        return topics.computeIfAbsent(topic,
                t -> Jndi.lookup(Topic.class, t.jndiConfigKey(), t.defaultJndiName()));
    }
}
