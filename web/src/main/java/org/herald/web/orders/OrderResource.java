package org.herald.web.orders;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.regex.Pattern;
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

    /** A user id as Herald writes them: a UUID in canonical, lower-case form. */
    private static final Pattern USER_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Context
    UriInfo uri;

    @GET
    public List<OrderView> byUser(@QueryParam("userId") String userId) {
        List<String> given = uri.getQueryParameters().getOrDefault("userId", List.of());
        if (given.size() != 1 || !USER_ID.matcher(userId).matches()) {
            throw new BadRequestException("Query parameter userId is required, once, as a user id (a UUID)");
        }
        return services.orders().findByUser(userId);
    }

    @GET
    @Path("{id}")
    public OrderView get(@PathParam("id") String id) {
        return services.orders().find(id).orElseThrow(() -> new NoSuchResource("No order with id " + id));
    }
}
