package org.herald.events.catalogue;

import java.net.URI;

/**
 * The catalogue of event types: each type's name (the CloudEvents {@code type}),
 * its kind, the topic it travels on, the record its data is and the version
 * of its data schema. {@code asyncapi.yaml} in this module describes the same
 * for clients; {@code AsyncApiDocumentTest} keeps the two in step.
 */
public enum EventType {
    USER_REGISTERED("user.registered", EventKind.DATA, EventTopic.USER_EVENTS, UserRegistered.class),
    USER_LOGGED_IN("user.logged-in", EventKind.DATA, EventTopic.USER_EVENTS, UserLoggedIn.class),
    USER_LOGIN_FAILED("user.login-failed", EventKind.BUSINESS, EventTopic.USER_EVENTS, UserLoginFailed.class),
    ORDER_CREATED("order.created", EventKind.DATA, EventTopic.ORDER_EVENTS, OrderCreated.class),
    ORDER_CANCELLED("order.cancelled", EventKind.DATA, EventTopic.ORDER_EVENTS, OrderCancelled.class),
    PAYMENT_SUCCEEDED("payment.succeeded", EventKind.BUSINESS, EventTopic.ORDER_EVENTS, PaymentSucceeded.class),
    PAYMENT_FAILED("payment.failed", EventKind.BUSINESS, EventTopic.ORDER_EVENTS, PaymentFailed.class),
    REFUND_SUCCEEDED("refund.succeeded", EventKind.BUSINESS, EventTopic.ORDER_EVENTS, RefundSucceeded.class),
    REFUND_FAILED("refund.failed", EventKind.BUSINESS, EventTopic.ORDER_EVENTS, RefundFailed.class),
    SERVER_STARTED("system.server-started", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS, ServerLifecycle.class),
    SERVER_STOPPING("system.server-stopping", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS, ServerLifecycle.class),
    BROKER_DOWN("system.broker-down", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS, DependencyOutage.class),
    BROKER_UP("system.broker-up", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS, DependencyOutage.class),
    DATABASE_DOWN("system.database-down", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS, DependencyOutage.class),
    DEAD_LETTER_DROPPED(
            "system.dead-letter-dropped", EventKind.SYSTEM, EventTopic.SYSTEM_EVENTS, DeadLetterDropped.class);

    /** Version of every data schema today; bump one type's when its record changes incompatibly. */
    private static final int SCHEMA_VERSION = 1;

    private final String type;
    private final EventKind kind;
    private final EventTopic topic;
    private final Class<? extends Record> dataType;

    EventType(String type, EventKind kind, EventTopic topic, Class<? extends Record> dataType) {
        this.type = type;
        this.kind = kind;
        this.topic = topic;
        this.dataType = dataType;
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

    /** The record the event's {@code data} is, in JSON. */
    public Class<? extends Record> dataType() {
        return dataType;
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
