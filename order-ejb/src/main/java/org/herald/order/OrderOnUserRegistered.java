package org.herald.order;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.herald.events.EventPipeline;
import org.herald.events.JndiNames;
import org.herald.events.catalogue.EventTopic;
import org.herald.events.catalogue.EventType;
import org.herald.events.consumer.Subscription;
import org.herald.events.discovery.ServiceRegistry;

/**
 * Opens an order for every {@code user.registered} on {@code user.events},
 * through the shared durable subscription {@code order-service-user-registered}:
 * batches of events, each applied once (see {@link org.herald.events.consumer.Subscriber}).
 * Registers the order service once it consumes.
 */
@Singleton
@Startup
@DependsOn("OrderSchema")
public class OrderOnUserRegistered {

    static final Subscription SUBSCRIPTION =
            Subscription.to(EventTopic.USER_EVENTS, "order-service-user-registered", EventType.USER_REGISTERED);

    @Inject
    EventPipeline events;

    @EJB
    OrderService orders;

    @Inject
    ServiceRegistry registry;

    @Resource
    ManagedThreadFactory threads;

    /** No container transaction: the subscription runs its own, one per batch. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void subscribe() {
        events.start(threads);
        events.subscribe(SUBSCRIPTION, orders::openFor, threads);
        registry.register("order-service", OrderService.class, JndiNames.ORDER_SERVICE_KEY, JndiNames.ORDER_SERVICE);
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stop() {
        events.stop();
    }
}
