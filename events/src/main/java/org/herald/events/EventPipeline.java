package org.herald.events;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.herald.events.consumer.ConsumedEvents;
import org.herald.events.consumer.EventHandler;
import org.herald.events.consumer.Subscriber;
import org.herald.events.consumer.Subscription;
import org.herald.events.discovery.NodePresence;
import org.herald.events.discovery.ServiceRegistry;
import org.herald.events.relay.Relay;
import org.herald.events.schema.SchemaMigrations;
import org.herald.events.system.SystemEvents;

/**
 * Herald's event pipeline in one application: the event store's tables, the
 * relay, and the subscriptions modules declare. Each module's startup bean
 * calls {@link #start} (the first call does the work) and declares its
 * subscriptions; the first module to stop stops it all. Starting and
 * stopping are recorded as system events ({@link SystemEvents}).
 */
@ApplicationScoped
public class EventPipeline {

    private static final Logger LOG = Logger.getLogger(EventPipeline.class.getName());

    @Inject
    Relay relay;

    @Inject
    NodePresence presence;

    @Inject
    ConsumedEvents consumed;

    @Inject
    SystemEvents system;

    @Inject
    ServiceRegistry registry;

    /** Where clients outside the server reach the broker, for the service registry. */
    @Inject
    @ConfigProperty(name = "herald.broker.url", defaultValue = "tcp://localhost:61616")
    String brokerUrl;

    @Inject
    @ConfigProperty(name = "herald.subscriptions.batch-size", defaultValue = "500")
    int batchSize;

    @Inject
    @ConfigProperty(name = "herald.subscriptions.linger-ms", defaultValue = "2")
    long lingerMillis;

    private final Map<String, Subscriber> subscribers = new ConcurrentHashMap<>();
    private boolean started;

    /**
     * Brings the event store's tables up to date, starts the relay and this node's presence
     * ({@link NodePresence}) on threads of {@code threads}.
     */
    public synchronized void start(ThreadFactory threads) {
        if (started) {
            return;
        }
        SchemaMigrations.migrate("events", EventPipeline.class);
        relay.start(threads);
        presence.start(threads);
        registry.registerEndpoint("broker", URI.create(brokerUrl));
        system.started();
        started = true;
    }

    /** Starts consuming {@code subscription} with {@code handler}, on a thread of {@code threads}. */
    public synchronized void subscribe(Subscription subscription, EventHandler handler, ThreadFactory threads) {
        if (!started) {
            throw new IllegalStateException("start the pipeline before subscribing " + subscription.name());
        }
        if (subscribers.containsKey(subscription.name())) {
            throw new IllegalStateException("Subscription " + subscription.name() + " is declared twice");
        }
        Subscriber subscriber =
                new Subscriber(subscription, handler, consumed, batchSize, Duration.ofMillis(lingerMillis));
        subscribers.put(subscription.name(), subscriber);
        register(subscriber);
        subscriber.start(threads);
    }

    /** The subscriptions consumed in this application, by name. */
    public Collection<Subscriber> subscribers() {
        return List.copyOf(subscribers.values());
    }

    /** Stops every subscription, then the relay. */
    @PreDestroy
    public synchronized void stop() {
        subscribers.values().forEach(subscriber -> {
            subscriber.stop();
            unregister(subscriber);
        });
        subscribers.clear();
        if (started) {
            system.stopping();
            relay.drain(Duration.ofSeconds(2));
        }
        relay.stop();
        started = false;
    }

    private static void register(Subscriber subscriber) {
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            ObjectName name = objectName(subscriber);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left by an application that did not stop cleanly
            }
            server.registerMBean(subscriber, name);
        } catch (JMException e) {
            LOG.log(Level.WARNING, "Subscription " + subscriber.getName() + " has no JMX controls", e);
        }
    }

    private static void unregister(Subscriber subscriber) {
        try {
            ManagementFactory.getPlatformMBeanServer().unregisterMBean(objectName(subscriber));
        } catch (JMException e) {
            LOG.fine(() -> "No JMX controls to remove for " + subscriber.getName());
        }
    }

    private static ObjectName objectName(Subscriber subscriber) throws JMException {
        return new ObjectName("org.herald:type=Subscription,name=" + ObjectName.quote(subscriber.getName()));
    }
}
