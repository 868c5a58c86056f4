package org.herald.events.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A WHERE clause of the event store's columns and its parameters, in order; the values are always bound, never written into the SQL. */
final class Where {

    private final List<String> conditions = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();

    private Where() {}

    /** The conditions of {@code filter}'s criteria that are set. */
    static Where of(EventFilter filter) {
        return new Where()
                .andIfSet("type = ?", filter.type())
                .andIfSet("subject = ?", filter.subject())
                .andIfSet("correlation_id = ?", filter.correlationId())
                .andIfSet("occurred_at >= ?", filter.from())
                .andIfSet("occurred_at < ?", filter.to());
    }

    Where and(String condition, Object... values) {
        conditions.add(condition);
        parameters.addAll(List.of(values));
        return this;
    }

    private Where andIfSet(String condition, Object value) {
        return value == null ? this : and(condition, value);
    }

    /** {@code " WHERE a AND b"}, or nothing. */
    String sql() {
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    /** Binds the parameters from index 1; returns the next free index. */
    int bind(PreparedStatement statement) throws SQLException {
        int index = 1;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
