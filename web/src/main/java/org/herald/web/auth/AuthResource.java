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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.herald.user.LoginThrottled;
import org.herald.web.ApiDocs;
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
    @Operation(summary = "Log in for a signed token (JWT, RS256); publishes user.logged-in")
    @RequestBody(content = @Content(schema = @Schema(implementation = LoginRequest.class)))
    @APIResponse(responseCode = "200", description = "{token, expiresIn}")
    @APIResponse(responseCode = "400", description = "Invalid fields", content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "401",
            description = "Wrong email or password (one answer for both)",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "429",
            description = "Too many failures for this email; Retry-After",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @APIResponse(
            responseCode = "503",
            description = "Password hashing busy; Retry-After",
            content = @Content(mediaType = ApiDocs.PROBLEM))
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(InputStream body) throws LoginThrottled {
        LoginRequest request = validation.valid(LoginRequest.from(validation.object(body)));
        return services.users()
                .authenticate(request.email(), request.password())
                .map(user -> Response.ok(tokens.issue(user)).build())
                .orElseGet(() -> Problem.response(Response.Status.UNAUTHORIZED, REFUSED));
    }
}
