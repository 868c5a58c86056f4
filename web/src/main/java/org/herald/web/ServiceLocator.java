package org.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import org.herald.events.JndiNames;
import org.herald.events.discovery.Jndi;
import org.herald.order.OrderService;
import org.herald.user.UserService;

/**
 * Finds the services by JNDI, at names MicroProfile Config may override
 * ({@code herald.services.*.jndi}). Each service is looked up once: stateless
 * session bean references are safe to share.
 */
@ApplicationScoped
public class ServiceLocator {

    private volatile UserService users;
    private volatile OrderService orders;

    public UserService users() {
        if (users == null) {
            users = Jndi.lookup(UserService.class, JndiNames.USER_SERVICE_KEY, JndiNames.USER_SERVICE);
        }
        return users;
    }

    public OrderService orders() {
        if (orders == null) {
            orders = Jndi.lookup(OrderService.class, JndiNames.ORDER_SERVICE_KEY, JndiNames.ORDER_SERVICE);
        }
        return orders;
    }
}
