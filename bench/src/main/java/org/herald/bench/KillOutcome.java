package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdict of the kill -9 runs, from three views: what the bench published
 * (event id to user id; one event per user), the orders the server lists per
 * user, and the order.created events the external durable subscriber saw
 * (cause id to the ids of the orders they announce).
 */
record KillOutcome(
        int published,
        int ordersListed,
        int usersWithoutOrder,
        int usersWithSeveralOrders,
        int causesNotSeen,
        int causesSeenWithSeveralOrders,
        int listedOrdersNotSeen) {

    static KillOutcome of(
            Map<String, String> userByEvent,
            Map<String, List<String>> ordersByUser,
            Map<String, Set<String>> seenOrdersByCause) {
        int listed = 0;
        int without = 0;
        int several = 0;
        int notSeen = 0;
        int seenSeveral = 0;
        Set<String> seenOrders = new HashSet<>();
        seenOrdersByCause.values().forEach(seenOrders::addAll);
        for (Map.Entry<String, String> event : userByEvent.entrySet()) {
            List<String> orders = ordersByUser.getOrDefault(event.getValue(), List.of());
            listed += orders.size();
            if (orders.isEmpty()) {
                without++;
            } else if (orders.size() > 1) {
                several++;
            }
            Set<String> seen = seenOrdersByCause.getOrDefault(event.getKey(), Set.of());
            if (seen.isEmpty()) {
                notSeen++;
            } else if (seen.size() > 1) {
                seenSeveral++;
            }
        }
        int listedNotSeen = 0;
        for (List<String> orders : ordersByUser.values()) {
            for (String order : orders) {
                if (!seenOrders.contains(order)) {
                    listedNotSeen++;
                }
            }
        }
        return new KillOutcome(userByEvent.size(), listed, without, several, notSeen, seenSeveral, listedNotSeen);
    }

    /** Nothing lost, nothing doubled, everything seen. */
    boolean clean() {
        return ordersListed == published
                && usersWithoutOrder == 0
                && usersWithSeveralOrders == 0
                && causesNotSeen == 0
                && causesSeenWithSeveralOrders == 0
                && listedOrdersNotSeen == 0;
    }

    JsonObject json() {
        return Json.createObjectBuilder()
                .add("user_registered_published", published)
                .add("orders_listed_by_server", ordersListed)
                .add("lost_users_without_order", usersWithoutOrder)
                .add("duplicated_users_with_several_orders", usersWithSeveralOrders)
                .add("order_created_not_seen_by_subscriber", causesNotSeen)
                .add("causes_seen_with_several_order_ids", causesSeenWithSeveralOrders)
                .add("listed_orders_never_seen_on_the_topic", listedOrdersNotSeen)
                .add("clean", clean())
                .build();
    }
}
