package org.herald.web.auth;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.herald.web.RequestValidation;
import org.herald.web.ServiceLocator;
import org.herald.web.problems.Problem;

/** {@code /api/auth}: login. */
@Path("auth")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    /** One answer for an unknown email and a wrong password: neither may be told from the other. */
    static final String REFUSED = "Email or password is wrong";

    @Inject
    ServiceLocator services;

    @Inject
    RequestValidation validation;

    @Inject
    TokenIssuer tokens;

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(InputStream body) {
        LoginRequest request = validation.valid(LoginRequest.from(validation.object(body)));
        return services.users().authenticate(request.email(), request.password())
                .map(user -> Response.ok(tokens.issue(user)).build())
                .orElseGet(() -> Problem.response(Response.Status.UNAUTHORIZED, REFUSED));
    }
}
