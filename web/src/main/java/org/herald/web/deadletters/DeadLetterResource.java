package org.herald.web.deadletters;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.herald.events.EventPipeline;
import org.herald.events.consumer.DeadLetters;
import org.herald.events.consumer.Subscriber;
import org.herald.web.ApiDocs;
import org.herald.web.problems.NoSuchResource;

/**
 * {@code /api/dlq}: what the subscriptions of this node gave up on. A redrive
 * applies the failed event and then the events parked behind it, in order; a
 * drop discards the failed event (a {@code system.dead-letter-dropped} event
 * records it) and applies the parked ones. The same as the subscriptions' JMX
 * operations.
 */
@Path("dlq")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = ApiDocs.TOKEN)
@APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = ApiDocs.PROBLEM))
@APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = ApiDocs.PROBLEM))
public class DeadLetterResource {

    @Inject
    EventPipeline pipeline;

    @GET
    @Operation(summary = "Dead letters and the events parked behind them (admin)")
    @APIResponse(responseCode = "200", description = "The entries")
    public List<DeadLetterView> list() {
        return pipeline.subscribers().stream()
                .flatMap(subscriber -> subscriber.deadLetters().stream())
                .map(DeadLetterView::of)
                .toList();
    }

    /** The entries released: the failed event first, then the parked ones. */
    @POST
    @Path("{id}/redrive")
    @Operation(summary = "Apply a dead letter, then the events parked behind it (admin)")
    @APIResponse(responseCode = "200", description = "The entries released, in order")
    @APIResponse(
            responseCode = "404",
            description = "No such dead letter",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public List<DeadLetterView> redrive(@PathParam("id") String id) throws Exception {
        return release(id, false).stream().map(DeadLetterView::of).toList();
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Drop a dead letter (a system.dead-letter-dropped event records it), apply the parked ones")
    @APIResponse(responseCode = "204", description = "Dropped")
    @APIResponse(
            responseCode = "404",
            description = "No such dead letter",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response drop(@PathParam("id") String id) throws Exception {
        release(id, true);
        return Response.noContent().build();
    }

    private List<DeadLetters.Entry> release(String id, boolean drop) throws Exception {
        for (Subscriber subscriber : pipeline.subscribers()) {
            List<DeadLetters.Entry> released = subscriber.release(id, drop);
            if (!released.isEmpty()) {
                return released;
            }
        }
        throw new NoSuchResource("No dead letter with id " + id);
    }
}
