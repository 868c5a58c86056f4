package org.herald.order;

import io.cloudevents.CloudEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPublisher;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.OrderCancelled;
import org.herald.events.catalogue.OrderCreated;
import org.herald.events.catalogue.PaymentFailed;
import org.herald.events.catalogue.PaymentSucceeded;
import org.herald.events.catalogue.RefundFailed;
import org.herald.events.catalogue.RefundSucceeded;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.json.EventData;
import org.herald.events.store.SqlStates;
import org.herald.order.payment.Money;
import org.herald.order.payment.PaymentDecision;
import org.herald.order.payment.PaymentGateway;

/**
 * Orders: opened on registration, paid, cancelled (refunded if paid). Bound
 * at {@code java:global/herald/order-ejb/OrderService}.
 *
 * <p>Every step changes the order and stores its events in one transaction.
 * Each event is caused by the order's previous one and shares the
 * correlation of the registration that opened it. The order's row is written
 * (and locked) before its events are stored, so of two concurrent steps the
 * second fails on the order's version and stores nothing.
 */
@Stateless
public class OrderService {

    static final URI SOURCE = URI.create("/herald/order-service");
    private static final Logger LOG = Logger.getLogger(OrderService.class.getName());
    /**
     * SQLSTATEs of an update that lost to a concurrent one: H2's lock timeout
     * and concurrent update, PostgreSQL's serialization failure, deadlock and
     * lock not available.
     */
    private static final Set<String> LOST_TO_CONCURRENT_UPDATE = Set.of("HYT00", "90131", "40001", "40P01", "55P03");

    @PersistenceContext(unitName = "orders")
    EntityManager em;

    @Inject
    EventPublisher events;

    @Inject
    PaymentGateway gateway;

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
            OrderView view = order.view();
            CloudEvent event = EventEnvelope.causedBy(
                    registration,
                    EventType.ORDER_CREATED,
                    SOURCE,
                    view.id(),
                    new OrderCreated(view.id(), view.userId(), view.status().name(), view.createdAt()));
            order.recorded(event);
            em.persist(order);
            created.add(event);
        }
        events.publish(created);
        LOG.fine(() -> "Opened " + created.size() + " order(s)");
    }

    /**
     * Pays a {@code CREATED} order through the payment gateway: approved, the
     * order is {@code PAID} ({@code payment.succeeded}); declined, it stays
     * {@code CREATED} ({@code payment.failed}).
     */
    public OrderStep pay(String orderId, Money payment) throws NoSuchOrder, OrderConflict {
        Order order = existing(orderId);
        order.checkCanMoveTo(OrderStatus.PAID, "paid");
        PaymentDecision decision = gateway.charge(orderId, payment, order.idempotencyKey("charge"));
        OffsetDateTime now = now();
        List<CloudEvent> recorded = new ArrayList<>(1);
        if (decision.approved()) {
            order.paid(payment);
            recorded.add(next(
                    order,
                    EventType.PAYMENT_SUCCEEDED,
                    new PaymentSucceeded(orderId, order.userId(), payment.amount(), payment.currency(), now)));
        } else {
            recorded.add(next(
                    order,
                    EventType.PAYMENT_FAILED,
                    new PaymentFailed(
                            orderId, order.userId(), payment.amount(), payment.currency(), decision.reason(), now)));
        }
        return store(order, recorded, decision);
    }

    /**
     * Cancels an order. A {@code CREATED} one becomes {@code CANCELLED}
     * ({@code order.cancelled}); a {@code PAID} one is refunded through the
     * gateway and becomes {@code REFUNDED} ({@code refund.succeeded}, then
     * {@code order.cancelled}), or, if the refund is declined, stays
     * {@code PAID} ({@code refund.failed}).
     */
    public OrderStep cancel(String orderId) throws NoSuchOrder, OrderConflict {
        Order order = existing(orderId);
        OffsetDateTime now = now();
        List<CloudEvent> recorded = new ArrayList<>(2);
        PaymentDecision decision = PaymentDecision.approve();
        if (order.status() == OrderStatus.PAID) {
            Money paid = order.payment();
            decision = gateway.refund(orderId, paid, order.idempotencyKey("refund"));
            if (!decision.approved()) {
                recorded.add(next(
                        order,
                        EventType.REFUND_FAILED,
                        new RefundFailed(
                                orderId, order.userId(), paid.amount(), paid.currency(), decision.reason(), now)));
                return store(order, recorded, decision);
            }
            order.moveTo(OrderStatus.REFUNDED, "refunded");
            recorded.add(next(
                    order,
                    EventType.REFUND_SUCCEEDED,
                    new RefundSucceeded(orderId, order.userId(), paid.amount(), paid.currency(), now)));
        } else {
            order.moveTo(OrderStatus.CANCELLED, "cancelled");
        }
        recorded.add(next(
                order,
                EventType.ORDER_CANCELLED,
                new OrderCancelled(orderId, order.userId(), order.status().name(), now)));
        return store(order, recorded, decision);
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

    private Order existing(String orderId) throws NoSuchOrder {
        Order order = em.find(Order.class, orderId);
        if (order == null) {
            throw new NoSuchOrder(orderId);
        }
        return order;
    }

    /** The order's next event: caused by its last one, in its correlation; the order remembers it. */
    private static CloudEvent next(Order order, EventType type, Object data) {
        CloudEvent event =
                EventEnvelope.following(order.correlationId(), order.lastEventId(), type, SOURCE, order.id(), data);
        order.recorded(event);
        return event;
    }

    /** Writes the order (failing if another request changed it meanwhile), then stores its events. */
    private OrderStep store(Order order, List<CloudEvent> recorded, PaymentDecision decision) throws OrderConflict {
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (e instanceof OptimisticLockException || SqlStates.causedBy(e, LOST_TO_CONCURRENT_UPDATE)) {
                throw OrderConflict.concurrentChange(order.id());
            }
            throw e;
        }
        events.publish(recorded);
        LOG.fine(() -> "Order " + order.id() + ": "
                + recorded.stream().map(CloudEvent::getType).toList());
        return new OrderStep(
                order.view(),
                recorded.stream()
                        .map(event -> new OrderStep.RecordedEvent(event.getId(), event.getType()))
                        .toList(),
                decision.reason());
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
