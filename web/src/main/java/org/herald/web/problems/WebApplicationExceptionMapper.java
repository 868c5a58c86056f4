package org.herald.web.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** HTTP errors raised by JAX-RS or the resources: 400, 404, 405, 406, 413, 415... */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException e) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        Response problem = Problem.response(status, detail(e, status));
        // a 405 must say what is allowed (RFC 9110); the runtime put it on its own response
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        return allow == null
                ? problem
                : Response.fromResponse(problem)
                        .header(HttpHeaders.ALLOW, allow)
                        .build();
    }

    private static String detail(WebApplicationException e, Response.StatusType status) {
        return switch (status.getStatusCode()) {
            // the runtime's own 404 message names its internals; ours names the missing id
            case 404 -> e instanceof NoSuchResource ? e.getMessage() : "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "Herald answers in application/json only";
            case 415 -> "Send the request body as application/json";
            default -> e.getMessage();
        };
    }
}
