package org.herald.web.events;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BadRequestException;
import java.time.OffsetDateTime;
import java.util.Set;
import org.herald.events.store.EventFilter;
import org.herald.web.JsonBody;

/**
 * Body of {@code POST /api/events/replay}: the events whose time is in
 * [{@code from}, {@code to}), optionally of one {@code type} and one
 * {@code subject}.
 */
public record ReplayRequest(
        @NotNull String from,
        @NotNull String to,
        @Size(min = 1, max = 100) String type,
        @Size(min = 1, max = 100) String subject) {

    static ReplayRequest from(JsonObject json) {
        JsonBody body = new JsonBody(json, Set.of("from", "to", "type", "subject"));
        ReplayRequest request =
                new ReplayRequest(body.string("from"), body.string("to"), body.string("type"), body.string("subject"));
        body.rejectWrongTypes();
        return request;
    }

    EventFilter filter() {
        OffsetDateTime start = EventQuery.time("from", from);
        OffsetDateTime end = EventQuery.time("to", to);
        if (!start.isBefore(end)) {
            throw new BadRequestException("from must be before to");
        }
        if (type != null) {
            EventQuery.known(type);
        }
        return new EventFilter(type, subject, null, start, end);
    }
}
