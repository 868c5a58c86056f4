package org.herald.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.herald.systemtests.faults.DatabaseSnapshot.StoredOrder;
import org.herald.systemtests.faults.OrderEventTap.Arrival;
import org.herald.systemtests.faults.SequenceVerdict.StoredEvent;
import org.herald.systemtests.faults.SequencedOrders.Load;
import org.junit.jupiter.api.Test;

/**
 * The sequenced orders' judge on made-up runs: two orders of four events
 * each (created, payment accepted, refund, cancellation) pass when stored
 * and received once in order, and each way of breaking the promise is
 * counted where the failover test asserts it.
 */
class SequenceVerdictTest {

    private static final List<String> HISTORY =
            List.of("order.created", "payment.succeeded", "refund.succeeded", "order.cancelled");

    private final Map<String, List<StoredEvent>> stored =
            new HashMap<>(Map.of("o1", history("o1"), "o2", history("o2")));
    private final List<Arrival> arrived = new ArrayList<>();
    private final Map<String, StoredOrder> ordersAtEnd = new HashMap<>(
            Map.of("o1", new StoredOrder("o1", "u1", "REFUNDED"), "o2", new StoredOrder("o2", "u2", "REFUNDED")));

    SequenceVerdictTest() {
        for (int i = 0; i < HISTORY.size(); i++) { // the two subjects interleaved, as two nodes may send them
            arrived.add(arrival("o1", i + 1));
            arrived.add(arrival("o2", i + 1));
        }
        arrived.add(1, new Arrival("registration", 1, "registration-1")); // not a sequenced order: ignored
    }

    @Test
    void aCleanRunBreaksNothing() {
        SequenceVerdict verdict = judge();
        assertEquals(List.of(8, 8), List.of(verdict.eventsStored(), verdict.arrivals()));
        assertEquals(List.of(0, 0, 0, 0, 0, 0, 0), failures(verdict));
    }

    @Test
    void anEventStoredButNeverReceivedIsLost() {
        arrived.removeIf(a -> a.id().equals("o2-3"));
        assertEquals(List.of(1, 0, 0, 0, 0, 0, 0), failures(judge()));
    }

    @Test
    void anEventReceivedTwiceIsADuplicateAndOutOfOrder() {
        arrived.add(arrival("o1", 2));
        assertEquals(List.of(0, 1, 1, 0, 0, 0, 0), failures(judge()));
    }

    @Test
    void aLaterEventOvertakingAnEarlierOneIsAnOrderViolation() {
        int second = arrived.indexOf(arrival("o1", 2));
        int third = arrived.indexOf(arrival("o1", 3));
        arrived.set(second, arrival("o1", 3));
        arrived.set(third, arrival("o1", 2));
        assertEquals(List.of(0, 0, 1, 0, 0, 0, 0), failures(judge()));
    }

    @Test
    void aMissingSequenceIsAGapAndAShortHistory() {
        stored.get("o1").remove(1);
        arrived.remove(arrival("o1", 2));
        assertEquals(List.of(0, 0, 0, 1, 1, 1, 0), failures(judge()));
    }

    @Test
    void aSecondRefundIsAnEffectTwiceAndAnOrderLeftPaidIsCounted() {
        stored.get("o2").add(new StoredEvent("o2", 5, "o2-5", "refund.succeeded"));
        arrived.add(arrival("o2", 5));
        ordersAtEnd.put("o1", new StoredOrder("o1", "u1", "PAID"));
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 1), failures(judge()));
    }

    private SequenceVerdict judge() {
        return SequenceVerdict.judge(
                Set.of("o1", "o2"), new Load(6, 0, List.of()), stored, arrived, ordersAtEnd, HISTORY.size());
    }

    private static List<Integer> failures(SequenceVerdict verdict) {
        return List.of(
                verdict.lost(),
                verdict.duplicates(),
                verdict.orderViolations(),
                verdict.gapsInStore(),
                verdict.shortHistories(),
                verdict.effectsNotOnce(),
                verdict.notRefunded());
    }

    private static List<StoredEvent> history(String order) {
        List<StoredEvent> events = new ArrayList<>();
        for (int i = 0; i < HISTORY.size(); i++) {
            events.add(new StoredEvent(order, i + 1, order + "-" + (i + 1), HISTORY.get(i)));
        }
        return events;
    }

    private static Arrival arrival(String order, long sequence) {
        return new Arrival(order, sequence, order + "-" + sequence);
    }
}
