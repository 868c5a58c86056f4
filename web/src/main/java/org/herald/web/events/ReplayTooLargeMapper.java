package org.herald.web.events;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.herald.events.store.ReplayTooLarge;
import org.herald.web.problems.Problem;

/** A replay of more events than one request may resend: 400, and nothing replayed. */
@Provider
public class ReplayTooLargeMapper implements ExceptionMapper<ReplayTooLarge> {

    @Override
    public Response toResponse(ReplayTooLarge e) {
        return Problem.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
}
