package org.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.herald.events.discovery.ServiceRegistry;
import org.herald.order.OrderService;
import org.herald.user.UserService;

/**
 * Finds the services through the service registry, by JNDI, at names
 * MicroProfile Config may override ({@code herald.services.*.jndi}). Each
 * service is looked up once: stateless session bean references are safe to
 * share.
 */
@ApplicationScoped
public class ServiceLocator {

    @Inject
    ServiceRegistry registry;

    private volatile UserService users;
    private volatile OrderService orders;

    public UserService users() {
        if (users == null) {
            users = registry.resolve("user-service", UserService.class);
        }
        return users;
    }

    public OrderService orders() {
        if (orders == null) {
            orders = registry.resolve("order-service", OrderService.class);
        }
        return orders;
    }
}
