package org.herald.web.problems;

import jakarta.ejb.EJBException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Anything else. A validation failure inside a service still is the caller's
 * 400; all other exceptions are Herald's fault: logged with an id, answered
 * with a 500 problem that names the id and leaks nothing else.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Exception> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return new ConstraintViolationMapper().toResponse(violation);
            }
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Request failed, incident " + incident, e instanceof EJBException ejb
                && ejb.getCause() != null ? ejb.getCause() : e);
        return Problem.response(Response.Status.INTERNAL_SERVER_ERROR,
                "Herald could not complete the request; incident " + incident + " is in the server log");
    }
}
