package org.herald.web.orders;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.herald.order.NoSuchOrder;
import org.herald.web.problems.Problem;

/** An order id that names nothing: 404. */
@Provider
public class NoSuchOrderMapper implements ExceptionMapper<NoSuchOrder> {

    @Override
    public Response toResponse(NoSuchOrder e) {
        return Problem.response(Response.Status.NOT_FOUND, e.getMessage());
    }
}
