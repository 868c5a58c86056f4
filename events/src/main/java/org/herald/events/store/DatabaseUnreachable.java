package org.herald.events.store;

import jakarta.resource.ResourceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Recognises a failure caused by a database Herald cannot reach right now
 * (down, unreachable, its pool exhausted), as opposed to one caused by the
 * work itself: the first is worth waiting out (an HTTP client gets 503, a
 * subscription retries in place), the second is not. Looked up along the
 * cause chain because each runtime and JPA provider wraps it differently.
 */
public final class DatabaseUnreachable {

    private DatabaseUnreachable() {}

    public static boolean explains(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ResourceException
                    || (cause instanceof SQLException sql
                            && sql.getSQLState() != null
                            && sql.getSQLState().startsWith("08"))) {
                return true;
            }
        }
        return false;
    }
}
