package org.herald.events.consumer;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.events.catalogue.EventTopic;
import org.herald.events.catalogue.EventType;

/**
 * A shared durable subscription to one of Herald's topics: it keeps events
 * while the application is down, and lets several threads or servers share
 * the work (competing consumers; {@code JMSXGroupID} keeps each subject on one
 * of them). Name it once, after the consuming service and what it consumes:
 * a renamed subscription leaves the old one collecting messages.
 *
 * @param name the durable subscription's name, also the consumer name in {@code consumed_event}
 * @param types the event types it selects (by the {@code cloudEvents_type} property)
 */
public record Subscription(EventTopic topic, String name, Set<EventType> types) {

    public Subscription {
        // Artemis names the subscription's queue after it, escaping each '.' as "\\.":
        // a dot-free name is the queue's name as is, for the broker's security
        // settings (address::queue), its console and its CLI
        if (!name.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("A subscription name is letters, digits, '-' and '_': " + name);
        }
        types = Set.copyOf(types);
        for (EventType type : types) {
            if (type.topic() != topic) {
                throw new IllegalArgumentException(type.type() + " does not travel on " + topic.topicName());
            }
        }
    }

    public static Subscription to(EventTopic topic, String name, EventType first, EventType... more) {
        return new Subscription(topic, name, EnumSet.of(first, more));
    }

    /** The JMS message selector: {@code cloudEvents_type IN ('user.registered', ...)}. */
    public String selector() {
        return types.stream()
                .map(type -> "'" + type.type() + "'")
                .sorted()
                .collect(Collectors.joining(", ", "cloudEvents_type IN (", ")"));
    }
}
