package org.herald.web.problems;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.herald.user.HashingBusy;

/** Every password-hashing thread busy and its queue full: 503 with {@code Retry-After}; nothing was stored. */
@Provider
public class HashingBusyMapper implements ExceptionMapper<HashingBusy> {

    @Override
    public Response toResponse(HashingBusy e) {
        return Response.fromResponse(Problem.response(Response.Status.SERVICE_UNAVAILABLE, e.getMessage()))
                .header("Retry-After", 1)
                .build();
    }
}
