package org.herald.web.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.herald.user.EmailAlreadyRegistered;

/** Duplicate email: 409. */
@Provider
public class EmailAlreadyRegisteredMapper implements ExceptionMapper<EmailAlreadyRegistered> {

    @Override
    public Response toResponse(EmailAlreadyRegistered e) {
        return Problem.response(Response.Status.CONFLICT, e.getMessage());
    }
}
