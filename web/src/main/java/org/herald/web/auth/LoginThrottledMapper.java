package org.herald.web.auth;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.herald.user.LoginThrottled;
import org.herald.web.problems.Problem;

/** Too many failed logins for one email: 429 with {@code Retry-After}, the seconds until the lockout ends. */
@Provider
public class LoginThrottledMapper implements ExceptionMapper<LoginThrottled> {

    @Override
    public Response toResponse(LoginThrottled e) {
        return Response.fromResponse(Problem.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage()))
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }
}
