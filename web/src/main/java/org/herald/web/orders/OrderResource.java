package org.herald.web.orders;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.herald.order.OrderView;
import org.herald.web.ServiceLocator;
import org.herald.web.problems.NoSuchResource;

/** {@code /api/orders}: orders by user and by id. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    @Inject
    ServiceLocator services;

    @GET
    public List<OrderView> byUser(@QueryParam("userId") String userId) {
        if (userId == null || userId.isBlank()) {
            throw new BadRequestException("Query parameter userId is required");
        }
        return services.orders().findByUser(userId);
    }

    @GET
    @Path("{id}")
    public OrderView get(@PathParam("id") String id) {
        return services.orders().find(id).orElseThrow(() -> new NoSuchResource("No order with id " + id));
    }
}
