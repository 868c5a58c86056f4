package org.herald.web.events;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MultivaluedMap;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.herald.events.catalogue.EventType;
import org.herald.events.store.EventFilter;

/**
 * The query string of {@code GET /api/events}, read strictly: each parameter
 * at most once, none unknown, times in ISO 8601 with an offset, a known
 * event type, a cursor this API gave out. {@code limit} defaults to 50 and
 * is capped at 500.
 */
record EventQuery(EventFilter filter, long after, int limit) {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private static final Set<String> PARAMETERS =
            Set.of("type", "subject", "correlationId", "from", "to", "limit", "cursor");
    private static final String CURSOR_PREFIX = "after:";

    static EventQuery of(MultivaluedMap<String, String> parameters) {
        for (String name : parameters.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new BadRequestException("Unknown query parameter " + name + "; known: "
                        + PARAMETERS.stream().sorted().toList());
            }
        }
        String limit = single(parameters, "limit");
        String cursor = single(parameters, "cursor");
        return new EventQuery(
                filter(parameters),
                cursor == null ? 0 : position(cursor),
                limit == null ? DEFAULT_LIMIT : limit(limit));
    }

    /** The filter criteria shared with replays: type, subject, correlation id and a time range. */
    static EventFilter filter(MultivaluedMap<String, String> parameters) {
        String type = single(parameters, "type");
        if (type != null) {
            known(type);
        }
        OffsetDateTime from = time("from", single(parameters, "from"));
        OffsetDateTime to = time("to", single(parameters, "to"));
        if (from != null && to != null && !from.isBefore(to)) {
            throw new BadRequestException("from must be before to");
        }
        return new EventFilter(
                type,
                bounded("subject", single(parameters, "subject"), 100),
                bounded("correlationId", single(parameters, "correlationId"), 64),
                from,
                to);
    }

    /** The cursor of the page after one that ended with the event at {@code position}. */
    static String cursorAfter(long position) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((CURSOR_PREFIX + position).getBytes(StandardCharsets.US_ASCII));
    }

    static void known(String type) {
        try {
            EventType.of(type);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown event type " + type);
        }
    }

    static OffsetDateTime time(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(
                    name + " must be a time in ISO 8601 with an offset, e.g. 2026-01-31T12:00:00Z");
        }
    }

    private static String single(MultivaluedMap<String, String> parameters, String name) {
        List<String> values = parameters.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw new BadRequestException("Query parameter " + name + " is given more than once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static String bounded(String name, String value, int max) {
        if (value != null && (value.isEmpty() || value.length() > max)) {
            throw new BadRequestException(name + " must have 1 to " + max + " characters");
        }
        return value;
    }

    private static int limit(String value) {
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadRequestException(
                    "limit must be a whole number from 1 (at most " + MAX_LIMIT + " are returned)");
        }
        if (limit < 1) {
            throw new BadRequestException("limit must be at least 1");
        }
        return Math.min(limit, MAX_LIMIT);
    }

    private static long position(String cursor) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (decoded.startsWith(CURSOR_PREFIX)) {
                long position = Long.parseLong(decoded.substring(CURSOR_PREFIX.length()));
                if (position >= 0) {
                    return position;
                }
            }
        } catch (IllegalArgumentException e) {
            // not base64, or not a number: the same answer as any other foreign cursor
        }
        throw new BadRequestException("cursor must be the next cursor of a page of this API");
    }
}
