package org.herald.web.problems;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.herald.events.store.DatabaseUnreachable;

/**
 * Anything else. A validation failure inside a service still is the caller's
 * 400; a database Herald cannot reach is a 503 with {@code Retry-After}; all
 * other exceptions are Herald's fault: logged with an id, answered with a 500
 * problem that names the id and leaks nothing else.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public Response toResponse(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return new ConstraintViolationMapper().toResponse(violation);
            }
        }
        if (DatabaseUnreachable.explains(e)) {
            // one line, not a stack trace per request: an outage must not flood the log
            LOG.warning(() -> "Request refused, a resource is unavailable: " + rootMessage(e));
            return Response.fromResponse(Problem.response(
                            Response.Status.SERVICE_UNAVAILABLE,
                            "Herald cannot reach its database right now; nothing was stored. Retry later"))
                    .header("Retry-After", 5)
                    .build();
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(
                Level.SEVERE,
                "Request failed, incident " + incident,
                e instanceof EJBException ejb && ejb.getCause() != null ? ejb.getCause() : e);
        return Problem.response(
                Response.Status.INTERNAL_SERVER_ERROR,
                "Herald could not complete the request; incident " + incident + " is in the server log");
    }
}
