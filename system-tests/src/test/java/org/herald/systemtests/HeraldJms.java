package org.herald.systemtests;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.Queue;
import jakarta.jms.Topic;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;

/**
 * The broker resources in-container tests use, found as Herald finds them:
 * by JNDI names from MicroProfile Config, so the tests run unchanged on every runtime.
 */
final class HeraldJms {

    private HeraldJms() {
    }

    static ConnectionFactory connectionFactory() {
        return Jndi.lookup(ConnectionFactory.class, JndiNames.CONNECTION_FACTORY_KEY, JndiNames.CONNECTION_FACTORY);
    }

    static Topic userEvents() {
        var topic = org.herald.events.catalogue.EventTopic.USER_EVENTS;
        return Jndi.lookup(Topic.class, topic.jndiConfigKey(), topic.defaultJndiName());
    }

    /** The dead-letter queue of user.events ({@code java:/jms/queue/DLQ.user.events} on WildFly). */
    static Queue userEventsDeadLetters() {
        return Jndi.lookup(Queue.class, "herald.jms.queue.DLQ.user.events.jndi", "java:/jms/queue/DLQ.user.events");
    }
}
