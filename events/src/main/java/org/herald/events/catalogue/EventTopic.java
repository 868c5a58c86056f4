package org.herald.events.catalogue;

import jakarta.jms.Topic;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;

/** The JMS topics Herald publishes to, one per bounded context plus one for the system. */
public enum EventTopic {
    USER_EVENTS("user.events", JndiNames.USER_EVENTS_TOPIC),
    ORDER_EVENTS("order.events", JndiNames.ORDER_EVENTS_TOPIC),
    SYSTEM_EVENTS("system.events", JndiNames.SYSTEM_EVENTS_TOPIC);

    private final String topicName;
    private final String defaultJndiName;

    EventTopic(String topicName, String defaultJndiName) {
        this.topicName = topicName;
        this.defaultJndiName = defaultJndiName;
    }

    /** The topic's name, as operators and external clients see it. */
    public String topicName() {
        return topicName;
    }

    /** The JNDI name the server binds the topic under unless configured otherwise. */
    public String defaultJndiName() {
        return defaultJndiName;
    }

    /** MicroProfile Config key that overrides {@link #defaultJndiName()}. */
    public String jndiConfigKey() {
        return "herald.jms.topic." + topicName + ".jndi";
    }

    /** The JMS topic, looked up at its configured JNDI name; callers keep it, lookups stay off hot paths. */
    public Topic destination() {
        return Jndi.lookup(Topic.class, jndiConfigKey(), defaultJndiName());
    }
}
