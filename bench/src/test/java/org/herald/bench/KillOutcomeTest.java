package org.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KillOutcomeTest {

    private static final Map<String, String> PUBLISHED = Map.of("e1", "u1", "e2", "u2");

    @Test
    void oneOrderPerUserEachSeenIsClean() {
        KillOutcome outcome = KillOutcome.of(
                PUBLISHED,
                Map.of("u1", List.of("o1"), "u2", List.of("o2")),
                Map.of("e1", Set.of("o1"), "e2", Set.of("o2")));
        assertTrue(outcome.clean());
        assertEquals(2, outcome.ordersListed());
    }

    @Test
    void aUserWithoutOrderIsLost() {
        KillOutcome outcome = KillOutcome.of(PUBLISHED, Map.of("u1", List.of("o1")), Map.of("e1", Set.of("o1")));
        assertFalse(outcome.clean());
        assertEquals(1, outcome.usersWithoutOrder());
        assertEquals(1, outcome.causesNotSeen());
    }

    @Test
    void twoOrdersForOneCauseAreADuplicate() {
        KillOutcome outcome = KillOutcome.of(
                PUBLISHED,
                Map.of("u1", List.of("o1", "o3"), "u2", List.of("o2")),
                Map.of("e1", Set.of("o1", "o3"), "e2", Set.of("o2")));
        assertFalse(outcome.clean());
        assertEquals(1, outcome.usersWithSeveralOrders());
        assertEquals(1, outcome.causesSeenWithSeveralOrders());
    }

    @Test
    void anOrderNeverPublishedIsNotSeen() {
        KillOutcome outcome = KillOutcome.of(
                PUBLISHED,
                Map.of("u1", List.of("o1"), "u2", List.of("o2")),
                Map.of("e1", Set.of("o1"), "e2", Set.of("o9")));
        assertFalse(outcome.clean());
        assertEquals(1, outcome.listedOrdersNotSeen());
    }

    @Test
    void theSameOrderDeliveredTwiceIsNoDuplicate() {
        // the subscriber keeps order ids per cause in a set: a redelivery of one order.created counts once
        KillOutcome outcome =
                KillOutcome.of(Map.of("e1", "u1"), Map.of("u1", List.of("o1")), Map.of("e1", Set.of("o1")));
        assertTrue(outcome.clean());
    }
}
