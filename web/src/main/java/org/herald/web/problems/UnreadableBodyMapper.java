package org.herald.web.problems;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A body the JSON binding cannot read: 400. If reading stopped because the
 * body was too large, that 413 wins.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    @Override
    public Response toResponse(ProcessingException e) {
        return unreadable(e);
    }

    static Response unreadable(Exception e) {
        Throwable root = e;
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebApplicationException http) {
                return new WebApplicationExceptionMapper().toResponse(http);
            }
            root = cause;
        }
        return Problem.response(
                Response.Status.BAD_REQUEST,
                "The request body is not valid JSON for this resource: " + root.getMessage());
    }
}
