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
import org.herald.user.EmailAlreadyRegistered;
import org.herald.user.UserProfile;
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
    public Response register(InputStream body) throws EmailAlreadyRegistered {
        RegisterUserRequest request = validation.valid(RegisterUserRequest.from(validation.object(body)));
        UserProfile user = services.users().register(request.email(), request.name(), request.password());
        // relative (RFC 9110 allows it): an absolute URI would be built from the request's Host header
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/users/" + user.id()).entity(user).build();
    }

    @GET
    @Path("{id}")
    public UserProfile get(@PathParam("id") String id) {
        return services.users().find(id).orElseThrow(() -> new NoSuchResource("No user with id " + id));
    }
}
