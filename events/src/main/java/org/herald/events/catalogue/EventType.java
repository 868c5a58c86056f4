package org.herald.events.catalogue;

import java.net.URI;

/**
 * The catalogue of event types: each type's name (the CloudEvents {@code type}),
 * its kind, the topic it travels on and the version of its data schema.
 */
public enum EventType {
    USER_REGISTERED("user.registered", EventKind.DATA, EventTopic.USER_EVENTS),
    USER_LOGGED_IN("user.logged-in", EventKind.DATA, EventTopic.USER_EVENTS),
    ORDER_CREATED("order.created", EventKind.DATA, EventTopic.ORDER_EVENTS),
    ORDER_CANCELLED("order.cancelled", EventKind.DATA, EventTopic.ORDER_EVENTS),
    PAYMENT_SUCCEEDED("payment.succeeded", EventKind.BUSINESS, EventTopic.ORDER_EVENTS),
    PAYMENT_FAILED("payment.failed", EventKind.BUSINESS, EventTopic.ORDER_EVENTS),
    REFUND_SUCCEEDED("refund.succeeded", EventKind.BUSINESS, EventTopic.ORDER_EVENTS),
    REFUND_FAILED("refund.failed", EventKind.BUSINESS, EventTopic.ORDER_EVENTS),
    SERVER_STARTED("system.server-started", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS),
    SERVER_STOPPING("system.server-stopping", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS),
    BROKER_DOWN("system.broker-down", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS),
    BROKER_UP("system.broker-up", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS),
    DATABASE_DOWN("system.database-down", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS),
    DEAD_LETTER_DROPPED("system.dead-letter-dropped", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS);

    /** Version of every data schema today; bump one type's when its record changes incompatibly. */
    private static final int SCHEMA_VERSION = 1;

    private final String type;
    private final EventKind kind;
    private final EventTopic topic;

    EventType(String type, EventKind kind, EventTopic topic) {
        this.type = type;
        this.kind = kind;
        this.topic = topic;
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code user.registered}. */
    public String type() {
        return type;
    }

    public EventKind kind() {
        return kind;
    }

    public EventTopic topic() {
        return topic;
    }

    /** The CloudEvents {@code dataschema}: a versioned URN naming this type's data record. */
    public URI dataSchema() {
        return URI.create("urn:herald:schema:" + type + ":v" + SCHEMA_VERSION);
    }

    /** The catalogue entry for a CloudEvents {@code type}. */
    public static EventType of(String type) {
        for (EventType candidate : values()) {
            if (candidate.type.equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("Unknown event type: " + type);
    }
}
