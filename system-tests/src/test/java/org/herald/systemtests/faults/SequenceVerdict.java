package org.herald.systemtests.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.systemtests.faults.DatabaseSnapshot.StoredOrder;
import org.herald.systemtests.faults.OrderEventTap.Arrival;
import org.herald.systemtests.faults.SequencedOrders.Load;

/**
 * The figures of the sequenced orders and what they say about Herald's order
 * promise: each order's history is stored as sequences 1, 2, 3, … without a
 * gap and with its effects once (one payment accepted, one refund, one
 * cancellation, status {@code REFUNDED}); every stored event reaches a client
 * on the broker, none twice, and each subject's events arrive in strictly
 * increasing sequence, whichever node's relay sent them.
 */
record SequenceVerdict(
        int orders,
        int requests,
        int resent,
        List<String> unexpected,
        int eventsStored,
        int arrivals,
        int lost,
        int duplicates,
        int orderViolations,
        int gapsInStore,
        int shortHistories,
        int effectsNotOnce,
        int notRefunded) {

    /** One row of the event store. */
    record StoredEvent(String subject, long sequence, String id, String type) {}

    private static final List<String> ONCE = List.of("payment.succeeded", "refund.succeeded", "order.cancelled");

    /** The event store's rows whose subject is one of {@code subjects}, in sequence order per subject. */
    static Map<String, List<StoredEvent>> stored(Connection connection, Set<String> subjects) throws SQLException {
        Map<String, List<StoredEvent>> bySubject = new HashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(
                        "SELECT subject, sequence, id, type FROM event ORDER BY subject, sequence")) {
            while (row.next()) {
                if (subjects.contains(row.getString(1))) {
                    bySubject
                            .computeIfAbsent(row.getString(1), s -> new ArrayList<>())
                            .add(new StoredEvent(row.getString(1), row.getLong(2), row.getString(3), row.getString(4)));
                }
            }
        }
        return bySubject;
    }

    static SequenceVerdict judge(
            Set<String> orderIds,
            Load load,
            Map<String, List<StoredEvent>> stored,
            List<Arrival> arrived,
            Map<String, StoredOrder> ordersAtEnd,
            int eventsPerOrder) {
        Set<String> storedIds = new HashSet<>();
        int gaps = 0;
        int shortHistories = 0;
        int effectsNotOnce = 0;
        int notRefunded = 0;
        for (String order : orderIds) {
            List<StoredEvent> history = stored.getOrDefault(order, List.of());
            history.forEach(e -> storedIds.add(e.id()));
            for (int i = 0; i < history.size(); i++) {
                if (history.get(i).sequence() != i + 1) {
                    gaps++;
                    break;
                }
            }
            shortHistories += history.size() < eventsPerOrder ? 1 : 0;
            for (String type : ONCE) {
                if (history.stream().filter(e -> e.type().equals(type)).count() != 1) {
                    effectsNotOnce++;
                    break;
                }
            }
            StoredOrder end = ordersAtEnd.get(order);
            notRefunded += end == null || !"REFUNDED".equals(end.status()) ? 1 : 0;
        }

        Set<String> seen = new HashSet<>();
        Map<String, Long> lastSequence = new HashMap<>();
        int arrivals = 0;
        int duplicates = 0;
        int violations = 0;
        for (Arrival arrival : arrived) {
            if (!orderIds.contains(arrival.subject())) {
                continue; // the order.created of the registration stream's users
            }
            arrivals++;
            duplicates += seen.add(arrival.id()) ? 0 : 1;
            Long before = lastSequence.put(arrival.subject(), arrival.sequence());
            violations += before != null && arrival.sequence() <= before ? 1 : 0;
        }
        storedIds.removeAll(seen);

        return new SequenceVerdict(
                orderIds.size(),
                load.requests(),
                load.resent(),
                load.unexpected(),
                (int) stored.values().stream().mapToLong(List::size).sum(),
                arrivals,
                storedIds.size(),
                duplicates,
                violations,
                gaps,
                shortHistories,
                effectsNotOnce,
                notRefunded);
    }

    String figures() {
        return String.join(
                "\n",
                "sequenced orders, figures:",
                "  orders                        " + orders + ", each " + SequencedOrders.EVENTS_PER_ORDER
                        + " events or more",
                "  requests                      " + requests + " (sent again after no answer: " + resent
                        + ", answered as no step allows: " + unexpected.size() + ")",
                "  events stored                 " + eventsStored + ", received on the broker " + arrivals,
                "  lost (stored, never received) " + lost,
                "  duplicates (received twice)   " + duplicates,
                "  order violations              " + orderViolations,
                "  histories with a gap          " + gapsInStore + ", too short " + shortHistories,
                "  effects not exactly once      " + effectsNotOnce + ", orders not REFUNDED " + notRefunded);
    }
}
