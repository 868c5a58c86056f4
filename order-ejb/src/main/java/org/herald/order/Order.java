package org.herald.order;

import io.cloudevents.CloudEvent;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.herald.events.EventEnvelope;
import org.herald.order.payment.Money;

/**
 * An order of one user and its state machine ({@link OrderStatus}). The order
 * also remembers the chain its events belong to: the correlation id of the
 * registration that opened it and the id of its last event, which causes the
 * next one.
 */
@Entity
@Table(name = "orders")
@NamedQuery(name = Order.BY_USER, query = "SELECT o FROM Order o WHERE o.userId = :userId ORDER BY o.createdAt")
public class Order {

    static final String BY_USER = "Order.byUser";

    @Id
    @Column(length = 36)
    private String id;

    @Column(name = "user_id", nullable = false, length = 36)
    private String userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private OrderStatus status;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    /** The event that opened this order; unique, so one event can never open two orders. */
    @Column(name = "caused_by", length = 64, updatable = false)
    private String causedBy;

    /** What was paid, once paid. */
    @Column(precision = 11, scale = 2)
    private BigDecimal amount;

    @Column(length = 3)
    private String currency;

    @Column(name = "correlation_id", length = 64)
    private String correlationId;

    @Column(name = "last_event_id", length = 64)
    private String lastEventId;

    /** Optimistic locking: of two concurrent changes, the second to commit fails instead of overwriting. */
    @Version
    private long version;

    protected Order() {}

    /** A new order in status {@code CREATED}, opened by the event {@code causedBy}. */
    static Order createdFor(String userId, String causedBy) {
        Order order = new Order();
        order.id = UUID.randomUUID().toString();
        order.userId = userId;
        order.status = OrderStatus.CREATED;
        order.createdAt = now();
        order.updatedAt = order.createdAt;
        order.causedBy = causedBy;
        return order;
    }

    /** Moves to {@code next}, or fails naming the current status if the state machine does not allow it. */
    void moveTo(OrderStatus next, String action) throws OrderConflict {
        checkCanMoveTo(next, action);
        status = next;
        updatedAt = now();
    }

    /** Fails naming the current status unless the state machine allows {@code next}. */
    void checkCanMoveTo(OrderStatus next, String action) throws OrderConflict {
        if (!status.leadsTo(next)) {
            throw OrderConflict.wrongState(id, status, action);
        }
    }

    void paid(Money payment) throws OrderConflict {
        moveTo(OrderStatus.PAID, "paid");
        amount = payment.amount();
        currency = payment.currency();
    }

    /** What was paid; only a paid order has it. */
    Money payment() {
        return new Money(amount, currency);
    }

    /** Remembers {@code event} as this order's latest: the correlation it belongs to, and the cause of the next. */
    void recorded(CloudEvent event) {
        correlationId = EventEnvelope.extension(event, EventEnvelope.CORRELATION_ID);
        lastEventId = event.getId();
    }

    String correlationId() {
        return correlationId;
    }

    String lastEventId() {
        return lastEventId;
    }

    /** Identifies one attempt to change this order, for the payment gateway's idempotency. */
    String idempotencyKey(String action) {
        return id + ":" + version + ":" + action;
    }

    OrderStatus status() {
        return status;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    OrderView view() {
        return new OrderView(id, userId, status, createdAt, updatedAt, amount, currency);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }
}
