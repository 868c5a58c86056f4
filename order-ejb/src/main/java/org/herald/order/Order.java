package org.herald.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** An order of one user. */
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

    /** The event that opened this order; unique, so one event can never open two orders. */
    @Column(name = "caused_by", length = 64, updatable = false)
    private String causedBy;

    @Version
    private long version;

    protected Order() {
    }

    /** A new order in status {@code CREATED}, opened by the event {@code causedBy}. */
    static Order createdFor(String userId, String causedBy) {
        Order order = new Order();
        order.id = UUID.randomUUID().toString();
        order.userId = userId;
        order.status = OrderStatus.CREATED;
        order.createdAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        order.causedBy = causedBy;
        return order;
    }

    OrderView view() {
        return new OrderView(id, userId, status, createdAt);
    }
}
