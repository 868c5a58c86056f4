package org.herald.web.orders;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.herald.order.NoSuchOrder;
import org.herald.order.OrderConflict;
import org.herald.order.OrderView;
import org.herald.web.ApiDocs;
import org.herald.web.RequestValidation;
import org.herald.web.ServiceLocator;
import org.herald.web.problems.NoSuchResource;

/**
 * {@code /api/orders}: orders by user and by id (open to read), payment and
 * cancellation (by the order's owner, or an admin, with a token).
 */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrderResource {

    /** A user id as Herald writes them: a UUID in canonical, lower-case form. */
    private static final Pattern USER_ID =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    @Inject
    ServiceLocator services;

    @Inject
    RequestValidation validation;

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @GET
    @Operation(summary = "The orders of a user")
    @APIResponse(responseCode = "200", description = "The user's orders, oldest first")
    @APIResponse(
            responseCode = "400",
            description = "userId missing, repeated or not a user id",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public List<OrderView> byUser(@QueryParam("userId") String userId) {
        List<String> given = uri.getQueryParameters().getOrDefault("userId", List.of());
        if (given.size() != 1 || !USER_ID.matcher(userId).matches()) {
            throw new BadRequestException("Query parameter userId is required, once, as a user id (a UUID)");
        }
        return services.orders().findByUser(userId);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "An order")
    @APIResponse(responseCode = "200", description = "The order")
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = ApiDocs.PROBLEM))
    public OrderView get(@PathParam("id") String id) {
        return existing(id);
    }

    /** 200 with the order {@code PAID}, or still {@code CREATED} and {@code declined}; 409 in any other status. */
    @POST
    @Path("{id}/payment")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("user")
    @SecurityRequirement(name = ApiDocs.TOKEN)
    @Operation(summary = "Pay a CREATED order; publishes payment.succeeded, or payment.failed if declined")
    @RequestBody(content = @Content(schema = @Schema(implementation = PaymentRequest.class)))
    @APIResponse(
            responseCode = "200",
            description = "PAID, or still CREATED with declined",
            content = @Content(schema = @Schema(implementation = OrderStepAnswer.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid amount or currency",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "403",
            description = "Another user's order",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "Not CREATED (orderStatus), or changed concurrently",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public OrderStepAnswer pay(@PathParam("id") String id, InputStream body) throws NoSuchOrder, OrderConflict {
        ownedByCaller(existing(id));
        PaymentRequest payment = validation.valid(PaymentRequest.from(validation.object(body)));
        return OrderStepAnswer.of(services.orders().pay(id, payment.money()));
    }

    /** 200 with the order {@code CANCELLED}, {@code REFUNDED}, or still {@code PAID} and {@code declined}; 409 if final. */
    @POST
    @Path("{id}/cancel")
    @RolesAllowed("user")
    @SecurityRequirement(name = ApiDocs.TOKEN)
    @Operation(
            summary = "Cancel an order, refunding it if paid; publishes order.cancelled (and refund.succeeded)"
                    + " or refund.failed")
    @APIResponse(
            responseCode = "200",
            description = "CANCELLED, REFUNDED, or still PAID with declined",
            content = @Content(schema = @Schema(implementation = OrderStepAnswer.class)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "403",
            description = "Another user's order",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "404", description = "No such order", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "Already CANCELLED or REFUNDED (orderStatus), or changed concurrently",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public OrderStepAnswer cancel(@PathParam("id") String id) throws NoSuchOrder, OrderConflict {
        ownedByCaller(existing(id));
        return OrderStepAnswer.of(services.orders().cancel(id));
    }

    private OrderView existing(String id) {
        return services.orders().find(id).orElseThrow(() -> new NoSuchResource("No order with id " + id));
    }

    /**
     * The token's subject is the user id it was issued to; an admin may act
     * on any order. (The principal, not an injected token: read only here,
     * after {@code @RolesAllowed} let an authenticated caller in.)
     */
    private void ownedByCaller(OrderView order) {
        boolean owner = security.getUserPrincipal() instanceof JsonWebToken token
                && order.userId().equals(token.getSubject());
        if (!owner && !security.isUserInRole("admin")) {
            throw new ForbiddenException("Order " + order.id() + " belongs to another user");
        }
    }
}
