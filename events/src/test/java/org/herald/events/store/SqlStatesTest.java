package org.herald.events.store;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlStatesTest {

    private static final Set<String> UNIQUE_VIOLATION = Set.of("23505");

    @Test
    void findsTheStateAnywhereAlongTheCauses() {
        Exception wrapped = new PersistenceException(new RuntimeException(new SQLException("duplicate", "23505")));
        assertTrue(SqlStates.causedBy(wrapped, UNIQUE_VIOLATION));
    }

    @Test
    void anotherStateIsNotIt() {
        assertFalse(SqlStates.causedBy(new SQLException("connection refused", "08001"), UNIQUE_VIOLATION));
    }

    /** A database that is down gives SQLExceptions without a state: the database outage test found this. */
    @Test
    void anExceptionWithoutStateIsNotItAndDoesNotThrow() {
        Exception noState = new PersistenceException(new SQLException("I/O error"));
        assertFalse(SqlStates.causedBy(noState, UNIQUE_VIOLATION));
    }

    @Test
    void noSqlExceptionAtAll() {
        assertFalse(SqlStates.causedBy(new IllegalStateException(), UNIQUE_VIOLATION));
    }
}
