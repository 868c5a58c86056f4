package org.herald.order;

import io.cloudevents.CloudEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPublisher;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.OrderCreated;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.json.EventData;

/** Orders. Bound at {@code java:global/herald/order-ejb/OrderService}. */
@Stateless
public class OrderService {

    static final URI SOURCE = URI.create("/herald/order-service");
    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    EventPublisher events;

    /**
     * Opens the first order of each newly registered user and publishes
     * {@code order.created}, caused by the registration, in the caller's
     * transaction. Called by {@link OrderOnUserRegistered} with events this
     * service has not handled before.
     */
    public void openFor(List<CloudEvent> registrations) {
        List<CloudEvent> created = new ArrayList<>(registrations.size());
        for (CloudEvent registration : registrations) {
            UserRegistered user = EventData.read(registration, UserRegistered.class);
            Order order = Order.createdFor(user.userId(), registration.getId());
            em.persist(order);
            OrderView view = order.view();
            created.add(EventEnvelope.causedBy(registration, EventType.ORDER_CREATED, SOURCE, view.id(),
                    new OrderCreated(view.id(), view.userId(), view.status().name(), view.createdAt())));
        }
        events.publish(created);
        LOG.fine(() -> "Opened " + created.size() + " order(s)");
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
