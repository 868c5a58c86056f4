package org.herald.web.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.herald.user.EmailAlreadyRegistered;
import org.herald.user.UserProfile;
import org.herald.web.ApiDocs;
import org.herald.web.RequestValidation;
import org.herald.web.ServiceLocator;
import org.herald.web.problems.NoSuchResource;

/** {@code /api/users}: registration and profiles. */
@Path("users")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    ServiceLocator services;

    @Inject
    RequestValidation validation;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a user; publishes user.registered, and the order service opens an order")
    @RequestBody(content = @Content(schema = @Schema(implementation = RegisterUserRequest.class)))
    @APIResponse(
            responseCode = "201",
            description = "Registered; Location names the user",
            content = @Content(schema = @Schema(implementation = UserProfile.class)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid fields, listed in errors[]",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "409",
            description = "The email is taken",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "415",
            description = "Not application/json",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "503",
            description = "The database or password hashing is busy or away; Retry-After",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    public Response register(InputStream body) throws EmailAlreadyRegistered {
        RegisterUserRequest request = validation.valid(RegisterUserRequest.from(validation.object(body)));
        UserProfile user = services.users().register(request.email(), request.name(), request.password());
        // relative (RFC 9110 allows it): an absolute URI would be built from the request's Host header
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/users/" + user.id())
                .entity(user)
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A user's profile")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "404", description = "No such user", content = @Content(mediaType = ApiDocs.PROBLEM))
    public UserProfile get(@PathParam("id") String id) {
        return services.users().find(id).orElseThrow(() -> new NoSuchResource("No user with id " + id));
    }
}
