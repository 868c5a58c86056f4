package org.herald.systemtests.faults;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.systemtests.faults.OrderLookup.Order;
import org.herald.systemtests.faults.RegistrationStream.Kind;
import org.herald.systemtests.faults.RegistrationStream.Outcome;

/**
 * The figures of one kill -9 run and what they say about Herald's promise:
 * a registration answered 201 has its user and exactly one order; one that
 * got an error or no answer has either nothing or (committed, answer lost)
 * its user and exactly one order; never a user without an order; exactly one
 * {@code user.registered} per user and one {@code order.created} per order.
 * Views compared: the clients' outcomes, the database just after the kill
 * (what had committed), re-registration of every email not answered 201
 * (409 = a user exists), the orders the API lists after the restart, and the
 * database after a clean stop.
 */
record FaultVerdict(
        int sent,
        int created,
        int errors,
        int dropped,
        int refused,
        int answeredAtKill,
        int committedAtKill,
        int ordersAtKill,
        long unpublishedAtKill,
        int committedWithoutAnswer,
        int errorsWithUser,
        int reRegisteredTaken,
        int reRegisteredFree,
        int reRegistrationMismatches,
        int usersChecked,
        int ordersListed,
        int lost,
        int duplicates,
        int wrongOrders,
        int usersAtEnd,
        int ordersAtEnd,
        int usersWithoutOrder,
        int userRegisteredNotOnce,
        int orderCreatedNotOnce,
        long unpublishedAtEnd,
        Duration timeToReady) {

    static FaultVerdict judge(
            List<Outcome> load,
            int answeredAtKill,
            DatabaseSnapshot atKill,
            List<Outcome> again,
            Map<String, List<Order>> listed,
            DatabaseSnapshot end,
            Duration timeToReady) {
        Map<String, String> committed = atKill.userIdByEmail();
        int created = 0;
        int errors = 0;
        int dropped = 0;
        int refused = 0;
        int createdMissing = 0;
        int committedWithoutAnswer = 0;
        int errorsWithUser = 0;
        for (Outcome outcome : load) {
            switch (outcome.kind()) {
                case CREATED -> created++;
                case ERROR -> errors++;
                case DROPPED -> dropped++;
                case REFUSED -> refused++;
            }
            boolean stored = committed.containsKey(outcome.email());
            if (outcome.kind() == Kind.CREATED) {
                if (!outcome.userId().equals(committed.get(outcome.email()))) {
                    createdMissing++; // answered 201, but that user had not committed
                }
            } else if (stored) {
                committedWithoutAnswer++;
                if (outcome.kind() == Kind.ERROR) {
                    errorsWithUser++; // the contract: a request answered with an error has no effect
                }
            }
        }

        int taken = 0;
        int free = 0;
        int mismatches = 0;
        for (Outcome outcome : again) {
            boolean stored = committed.containsKey(outcome.email());
            if (outcome.kind() == Kind.ERROR && outcome.status() == 409) {
                taken++;
                mismatches += stored ? 0 : 1;
            } else if (outcome.kind() == Kind.CREATED) {
                free++;
                mismatches += stored ? 1 : 0;
            } else {
                mismatches++; // neither answer: the restarted server failed a plain registration
            }
        }

        int ordersListed = 0;
        int usersWithNoneListed = 0;
        int wrongOrders = 0;
        Set<String> doubled = new HashSet<>();
        for (Map.Entry<String, List<Order>> user : listed.entrySet()) {
            List<Order> orders = user.getValue();
            ordersListed += orders.size();
            if (orders.isEmpty()) {
                usersWithNoneListed++;
            } else if (orders.size() > 1) {
                doubled.add(user.getKey());
            }
            for (Order order : orders) {
                if (!"CREATED".equals(order.status()) || !user.getKey().equals(order.userId())) {
                    wrongOrders++;
                }
            }
        }

        Map<String, Integer> ordersByUser = end.orderCountByUser();
        int usersWithoutOrder = 0;
        int userRegisteredNotOnce = 0;
        for (String user : end.userIdByEmail().values()) {
            int orders = ordersByUser.getOrDefault(user, 0);
            if (orders == 0) {
                usersWithoutOrder++;
            } else if (orders > 1) {
                doubled.add(user);
            }
            if (end.userRegisteredBySubject().getOrDefault(user, 0) != 1) {
                userRegisteredNotOnce++;
            }
        }
        Set<String> endUsers = new HashSet<>(end.userIdByEmail().values());
        userRegisteredNotOnce += (int) end.userRegisteredBySubject().keySet().stream()
                .filter(subject -> !endUsers.contains(subject))
                .count();
        int orderCreatedNotOnce = (int) end.orders().keySet().stream()
                        .filter(order -> end.orderCreatedBySubject().getOrDefault(order, 0) != 1)
                        .count()
                + (int) end.orderCreatedBySubject().keySet().stream()
                        .filter(subject -> !end.orders().containsKey(subject))
                        .count();

        return new FaultVerdict(
                load.size(),
                created,
                errors,
                dropped,
                refused,
                answeredAtKill,
                committed.size(),
                atKill.orders().size(),
                atKill.unpublishedEvents(),
                committedWithoutAnswer,
                errorsWithUser,
                taken,
                free,
                mismatches,
                listed.size(),
                ordersListed,
                createdMissing + usersWithNoneListed,
                doubled.size(),
                wrongOrders,
                end.userIdByEmail().size(),
                end.orders().size(),
                usersWithoutOrder,
                userRegisteredNotOnce,
                orderCreatedNotOnce,
                end.unpublishedEvents(),
                timeToReady);
    }

    String figures() {
        return String.join(
                "\n",
                "kill -9 fault test, figures:",
                "  registrations sent            " + sent,
                "    201 created                 " + created,
                "    HTTP errors                 " + errors,
                "    dropped (no answer)         " + dropped,
                "    refused (server down)       " + refused,
                "  answered when killed          " + answeredAtKill,
                "  users committed at the kill   " + committedAtKill + " (of which answer lost: "
                        + committedWithoutAnswer + ", answered with an error: " + errorsWithUser + ")",
                "  pipeline at the kill          " + ordersAtKill + " orders, " + unpublishedAtKill
                        + " events unpublished",
                "  re-registered after restart   " + (reRegisteredTaken + reRegisteredFree) + ": 409 taken "
                        + reRegisteredTaken + ", 201 free " + reRegisteredFree + ", disagreeing with the database "
                        + reRegistrationMismatches,
                "  time to ready after restart   " + timeToReady.toMillis() + " ms",
                "  users checked over HTTP       " + usersChecked + ", orders found " + ordersListed
                        + ", not CREATED or not theirs " + wrongOrders,
                "  lost                          " + lost,
                "  duplicates                    " + duplicates,
                "  at the end: users " + usersAtEnd + ", orders " + ordersAtEnd + ", users without order "
                        + usersWithoutOrder + ", user.registered not exactly once " + userRegisteredNotOnce
                        + ", order.created not exactly once " + orderCreatedNotOnce + ", events unpublished "
                        + unpublishedAtEnd);
    }
}
