package org.herald.web.orders;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.herald.order.OrderConflict;
import org.herald.web.problems.Problem;

/** A change the order refused: 409, with {@code orderStatus} when its status was the reason. */
@Provider
public class OrderConflictMapper implements ExceptionMapper<OrderConflict> {

    @Override
    public Response toResponse(OrderConflict e) {
        return e.current() == null
                ? Problem.response(Response.Status.CONFLICT, e.getMessage())
                : Problem.response(
                        Response.Status.CONFLICT,
                        e.getMessage(),
                        "orderStatus",
                        e.current().name());
    }
}
