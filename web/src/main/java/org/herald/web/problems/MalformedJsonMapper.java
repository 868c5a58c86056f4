package org.herald.web.problems;

import jakarta.json.JsonException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Malformed JSON met by JSON-P (a body read as a {@code JsonObject}): 400. */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

    @Override
    public Response toResponse(JsonException e) {
        return UnreadableBodyMapper.unreadable(e);
    }
}
