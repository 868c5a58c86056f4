package org.herald.events.store;

import java.sql.SQLException;
import java.util.Set;

/**
 * Reads what a database said along a failure's cause chain: the JPA provider
 * and the server wrap the driver's {@link SQLException} differently, so its
 * SQLSTATE is looked for at every level.
 */
public final class SqlStates {

    private SqlStates() {}

    /** Whether an {@link SQLException} with one of {@code states} is among the causes of {@code failure}. */
    public static boolean causedBy(Throwable failure, Set<String> states) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // a driver may give no SQLSTATE at all, and Set.of(..).contains(null) throws
            if (cause instanceof SQLException sql && sql.getSQLState() != null && states.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
