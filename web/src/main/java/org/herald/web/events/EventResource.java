package org.herald.web.events;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.herald.events.consumer.ConsumedEvents;
import org.herald.events.json.JsonEventFormat;
import org.herald.events.store.EventStore;
import org.herald.events.store.StoredEvent;
import org.herald.web.ApiDocs;
import org.herald.web.RequestValidation;
import org.herald.web.problems.NoSuchResource;

/**
 * {@code /api/events}: the event store, read. Events come as CloudEvents in
 * the JSON format, exactly as on the broker; a page ends with the cursor of
 * the next one. Replays (admin) have the relay publish a range again.
 */
@Path("events")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class EventResource {

    private static final JsonEventFormat FORMAT = new JsonEventFormat();

    @Inject
    EventStore store;

    @Inject
    ConsumedEvents consumed;

    @Inject
    RequestValidation validation;

    @Context
    UriInfo uri;

    /** {@code {events: [...], next}}; {@code next} is absent on the last page. */
    @GET
    @Operation(summary = "Stored events, in store order, a page at a time")
    @Parameter(name = "type", in = ParameterIn.QUERY, description = "an event type of the catalogue")
    @Parameter(name = "subject", in = ParameterIn.QUERY, description = "the aggregate id")
    @Parameter(name = "correlationId", in = ParameterIn.QUERY)
    @Parameter(name = "from", in = ParameterIn.QUERY, description = "ISO 8601 time, inclusive")
    @Parameter(name = "to", in = ParameterIn.QUERY, description = "ISO 8601 time, exclusive")
    @Parameter(name = "limit", in = ParameterIn.QUERY, description = "1 to 500 (more is capped), default 50")
    @Parameter(name = "cursor", in = ParameterIn.QUERY, description = "next of the previous page")
    @APIResponse(responseCode = "200", description = "{events: [CloudEvents JSON], next}")
    @APIResponse(
            responseCode = "400",
            description = "An unknown parameter, a repeated one or a bad value",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public JsonObject list() {
        EventQuery query = EventQuery.of(uri.getQueryParameters());
        List<StoredEvent> page = store.find(query.filter(), query.after(), query.limit());
        JsonArrayBuilder events = Json.createArrayBuilder();
        page.forEach(stored -> events.add(json(stored)));
        JsonObjectBuilder answer = Json.createObjectBuilder().add("events", events);
        if (page.size() == query.limit()) {
            answer.add("next", EventQuery.cursorAfter(page.get(page.size() - 1).position()));
        }
        return answer.build();
    }

    /** The event, when the relay last published it, how often it was replayed, and who applied it. */
    @GET
    @Path("{id}")
    @Operation(summary = "One stored event, when it was published, its replays and who applied it")
    @APIResponse(responseCode = "200", description = "{event, position, publishedAt, replays, consumedBy}")
    @APIResponse(responseCode = "404", description = "No such event", content = @Content(mediaType = ApiDocs.PROBLEM))
    public JsonObject get(@PathParam("id") String id) {
        StoredEvent stored = store.find(id).orElseThrow(() -> new NoSuchResource("No event with id " + id));
        JsonArrayBuilder consumers = Json.createArrayBuilder();
        consumed.consumersOf(id)
                .forEach(consumption -> consumers.add(Json.createObjectBuilder()
                        .add("consumer", consumption.consumer())
                        .add("consumedAt", consumption.consumedAt().toString())));
        JsonObjectBuilder answer = Json.createObjectBuilder()
                .add("event", json(stored))
                .add("position", stored.position())
                .add("replays", stored.replays())
                .add("consumedBy", consumers);
        if (stored.publishedAt() != null) {
            answer.add("publishedAt", stored.publishedAt().toString());
        }
        return answer.build();
    }

    /** 202: the matching events are published again, in store order; consumers that applied them ignore them. */
    @POST
    @Path("replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @SecurityRequirement(name = ApiDocs.TOKEN)
    @Operation(summary = "Publish a range of stored events again (admin); consumers apply nothing twice")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReplayRequest.class)))
    @APIResponse(responseCode = "202", description = "{replayed}")
    @APIResponse(
            responseCode = "400",
            description = "Invalid range or type, or more events than one replay may resend",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response replay(InputStream body) {
        ReplayRequest request = validation.valid(ReplayRequest.from(validation.object(body)));
        int replayed = store.replay(request.filter());
        return Response.accepted(
                        Json.createObjectBuilder().add("replayed", replayed).build())
                .build();
    }

    private static JsonObject json(StoredEvent stored) {
        return Json.createReader(new ByteArrayInputStream(FORMAT.serialize(stored.event())))
                .readObject();
    }
}
