package org.herald.web.auth;

import jakarta.annotation.Priority;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;
import org.herald.web.problems.Problem;

/**
 * Enforces {@code @RolesAllowed} on resources: no valid token is 401 (with
 * {@code WWW-Authenticate: Bearer}), a token in none of the roles is 403, both
 * problem+json. Written here because the JAX-RS implementations' own role
 * checks answer 403 in both cases (and RESTEasy's is off unless a deployment
 * switches it on); the caller is the one MicroProfile JWT authenticated.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AccessControl implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        RolesAllowed allowed = rolesOf(resource.getResourceMethod(), resource.getResourceClass());
        if (allowed == null) {
            return;
        }
        SecurityContext caller = request.getSecurityContext();
        if (caller.getUserPrincipal() == null) {
            request.abortWith(Response.fromResponse(Problem.response(
                            Response.Status.UNAUTHORIZED,
                            "This needs a token: Authorization: Bearer <token from POST /api/auth/login>"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .build());
        } else if (Arrays.stream(allowed.value()).noneMatch(caller::isUserInRole)) {
            request.abortWith(Problem.response(
                    Response.Status.FORBIDDEN, "This needs the role " + String.join(" or ", allowed.value())));
        }
    }

    private static RolesAllowed rolesOf(Method method, Class<?> type) {
        if (method != null && method.isAnnotationPresent(RolesAllowed.class)) {
            return method.getAnnotation(RolesAllowed.class);
        }
        return type == null ? null : type.getAnnotation(RolesAllowed.class);
    }
}
