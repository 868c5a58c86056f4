package org.herald.order;

import io.cloudevents.CloudEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPublisher;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.OrderCreated;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.consumer.IdempotentConsumer;
import org.herald.events.json.EventData;

/** Orders. Bound at {@code java:global/herald/order-ejb/OrderService}. */
@Stateless
public class OrderService {

    static final URI SOURCE = URI.create("/herald/order-service");
    private static final IdempotentConsumer ON_USER_REGISTERED = new IdempotentConsumer("order-service.user-registered");
    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Opens the first order of a newly registered user and publishes
     * {@code order.created}, caused by the registration. A second delivery of
     * the same event changes nothing.
     *
     * @return the new order, or empty if this event was handled before
     */
    public Optional<OrderView> openFor(CloudEvent userRegistered) {
        if (!ON_USER_REGISTERED.firstDelivery(em, userRegistered.getId())) {
            LOG.info(() -> "Skipped " + userRegistered.getType() + " " + userRegistered.getId() + ": already handled");
            return Optional.empty();
        }
        UserRegistered user = EventData.read(userRegistered, UserRegistered.class);
        Order order = Order.createdFor(user.userId());
        em.persist(order);
        OrderView view = order.view();
        CloudEvent created = EventEnvelope.causedBy(userRegistered, EventType.ORDER_CREATED, SOURCE, view.id(),
                new OrderCreated(view.id(), view.userId(), view.status().name(), view.createdAt()));
        events.publish(created);
        LOG.info(() -> "Opened order " + view.id() + " for user " + view.userId() + " (cause " + userRegistered.getId()
                + ", event " + created.getId() + ")");
        return Optional.of(view);
    }

    public Optional<OrderView> find(String id) {
        return Optional.ofNullable(em.find(Order.class, id)).map(Order::view);
    }

    public List<OrderView> findByUser(String userId) {
        return em.createNamedQuery(Order.BY_USER, Order.class)
                .setParameter("userId", userId)
                .getResultStream()
                .map(Order::view)
                .toList();
    }
}
