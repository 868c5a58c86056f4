package org.herald.events.catalogue;

import org.herald.events.JndiNames;

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
}
