package org.herald.web.http;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * A response whose {@code sendError} writes a problem+json body. The servlet
 * container and the JAX-RS runtimes call it for errors they meet outside
 * Herald's exception mappers, and would otherwise answer with their own
 * text/html page (or an empty body).
 */
final class ProblemResponse extends HttpServletResponseWrapper {

    ProblemResponse(HttpServletResponse response) {
        super(response);
    }

    @Override
    public void sendError(int status) throws IOException {
        sendProblem(status, detail(status));
    }

    @Override
    public void sendError(int status, String message) throws IOException {
        // the message names the runtime's internals; the status says enough
        sendProblem(status, detail(status));
    }

    void sendProblem(int status, String detail) throws IOException {
        if (isCommitted()) {
            return;
        }
        String title = Optional.ofNullable(Response.Status.fromStatusCode(status))
                .map(Response.Status::getReasonPhrase)
                .orElse("Error");
        byte[] body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        resetBuffer();
        setStatus(status);
        setContentType("application/problem+json");
        setContentLength(body.length);
        getOutputStream().write(body);
        flushBuffer();
    }

    private static String detail(int status) {
        return switch (status) {
            case 400 -> "The request is malformed";
            case 404 -> "No resource at this path";
            case 405 -> "This method is not allowed on this resource";
            case 406 -> "Herald answers in application/json only";
            case 413 -> "The request body is too large";
            case 415 -> "Send the request body as application/json";
            default -> status >= 500 ? "Herald could not complete the request" : "The request was refused";
        };
    }
}
