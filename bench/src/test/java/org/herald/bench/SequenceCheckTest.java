package org.herald.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SequenceCheckTest {

    @Test
    void interleavedSubjectsEachIncreasingPass() {
        SequenceCheck check = new SequenceCheck();
        assertTrue(check.arrived("a", 1));
        assertTrue(check.arrived("b", 1));
        assertTrue(check.arrived("a", 2));
        assertTrue(check.arrived("b", 3)); // a gap is not a violation of order
        assertEquals(0, check.violations());
        assertEquals(2, check.subjects());
        assertEquals(4, check.arrivals());
        assertNull(check.firstViolation());
    }

    @Test
    void anOvertakenEventIsAViolation() {
        SequenceCheck check = new SequenceCheck();
        check.arrived("a", 2);
        assertFalse(check.arrived("a", 1));
        assertEquals(1, check.violations());
        assertEquals("a: 1 after 2", check.firstViolation());
    }

    @Test
    void theSameSequenceTwiceIsAViolation() {
        SequenceCheck check = new SequenceCheck();
        check.arrived("a", 1);
        assertFalse(check.arrived("a", 1));
        assertEquals(1, check.violations());
    }

    @Test
    void subjectsThatDidNotReachTheLastSequence() {
        SequenceCheck check = new SequenceCheck();
        check.arrived("a", 10);
        check.arrived("b", 9);
        assertEquals(1, check.subjectsBelow(10));
    }
}
