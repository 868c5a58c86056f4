package org.herald.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.herald.systemtests.faults.DatabaseSnapshot.StoredOrder;
import org.herald.systemtests.faults.OrderLookup.Order;
import org.herald.systemtests.faults.RegistrationStream.Kind;
import org.herald.systemtests.faults.RegistrationStream.Outcome;
import org.junit.jupiter.api.Test;

/**
 * The fault test's judge, on made-up runs: a clean one passes, and each way
 * of breaking the promise is counted where the fault test asserts it. (The
 * real run cannot show the judge failing without breaking Herald.)
 * Three emails: a answered 201, b dropped but committed, c refused.
 */
class FaultVerdictTest {

    private final List<Outcome> load = List.of(
            new Outcome("a", Kind.CREATED, 201, "ua", null),
            new Outcome("b", Kind.DROPPED, 0, null, "EOF"),
            new Outcome("c", Kind.REFUSED, 0, null, "refused"));
    private final DatabaseSnapshot atKill = snapshot(Map.of("a", "ua", "b", "ub"), Map.of(), Map.of(), Map.of());
    private final List<Outcome> again =
            List.of(new Outcome("b", Kind.ERROR, 409, null, "taken"), new Outcome("c", Kind.CREATED, 201, "uc", null));
    private final Map<String, List<Order>> listed = new HashMap<>(Map.of(
            "ua", List.of(order("oa", "ua")), "ub", List.of(order("ob", "ub")), "uc", List.of(order("oc", "uc"))));
    private final Map<String, String> usersAtEnd = new HashMap<>(Map.of("a", "ua", "b", "ub", "c", "uc"));
    private final Map<String, StoredOrder> ordersAtEnd =
            new HashMap<>(Map.of("oa", stored("oa", "ua"), "ob", stored("ob", "ub"), "oc", stored("oc", "uc")));
    private final Map<String, Integer> userRegistered = new HashMap<>(Map.of("ua", 1, "ub", 1, "uc", 1));
    private final Map<String, Integer> orderCreated = new HashMap<>(Map.of("oa", 1, "ob", 1, "oc", 1));

    @Test
    void aCleanRunBreaksNothing() {
        FaultVerdict verdict = judge();
        assertEquals(
                List.of(1, 1, 1, 1),
                List.of(verdict.created(), verdict.dropped(), verdict.refused(), verdict.committedWithoutAnswer()));
        assertEquals(
                List.of(0, 0, 0, 0, 0, 0, 0),
                List.of(
                        verdict.lost(),
                        verdict.duplicates(),
                        verdict.usersWithoutOrder(),
                        verdict.userRegisteredNotOnce(),
                        verdict.orderCreatedNotOnce(),
                        verdict.reRegistrationMismatches(),
                        verdict.wrongOrders()));
    }

    @Test
    void aCommittedUserWhoseOrderNeverCameIsLostAndWithoutOrder() {
        listed.put("ub", List.of());
        ordersAtEnd.remove("ob");
        orderCreated.remove("ob");
        FaultVerdict verdict = judge();
        assertEquals(1, verdict.lost());
        assertEquals(1, verdict.usersWithoutOrder());
    }

    @Test
    void aSecondOrderIsADuplicateEvenIfTheApiListedOnlyOne() {
        ordersAtEnd.put("oa2", stored("oa2", "ua"));
        orderCreated.put("oa2", 1);
        assertEquals(1, judge().duplicates());
    }

    @Test
    void eventsNotExactlyOnceAreCounted() {
        userRegistered.put("ua", 2);
        orderCreated.remove("oc");
        orderCreated.put("o-without-order", 1);
        FaultVerdict verdict = judge();
        assertEquals(1, verdict.userRegisteredNotOnce());
        assertEquals(2, verdict.orderCreatedNotOnce());
    }

    @Test
    void a201WhoseUserHadNotCommittedIsLost() {
        FaultVerdict verdict = FaultVerdict.judge(
                load,
                1,
                snapshot(Map.of("b", "ub"), Map.of(), Map.of(), Map.of()),
                again,
                listed,
                end(),
                Duration.ZERO);
        assertEquals(1, verdict.lost());
    }

    @Test
    void aReRegistrationThatDisagreesWithTheDatabaseIsCounted() {
        List<Outcome> wrong = List.of(
                new Outcome("b", Kind.CREATED, 201, "ub2", null), new Outcome("c", Kind.ERROR, 409, null, "taken"));
        assertEquals(
                2,
                FaultVerdict.judge(load, 1, atKill, wrong, listed, end(), Duration.ZERO)
                        .reRegistrationMismatches());
    }

    private FaultVerdict judge() {
        return FaultVerdict.judge(load, 1, atKill, again, listed, end(), Duration.ZERO);
    }

    private DatabaseSnapshot end() {
        return snapshot(usersAtEnd, ordersAtEnd, userRegistered, orderCreated);
    }

    private static DatabaseSnapshot snapshot(
            Map<String, String> users,
            Map<String, StoredOrder> orders,
            Map<String, Integer> userRegistered,
            Map<String, Integer> orderCreated) {
        return new DatabaseSnapshot(users, orders, userRegistered, orderCreated, 0);
    }

    private static Order order(String id, String user) {
        return new Order(id, user, "CREATED");
    }

    private static StoredOrder stored(String id, String user) {
        return new StoredOrder(id, user, "CREATED");
    }
}
