package org.herald.web.problems;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A problem detail (RFC 9457); {@code errors} only for validation failures. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {}

    public static Response response(Response.StatusType status, String detail) {
        return response(status, detail, null);
    }

    public static Response response(Response.StatusType status, String detail, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    /** A problem with one extension member (RFC 9457, section 3.2), such as the state that refused a change. */
    public static Response response(Response.StatusType status, String detail, String member, String value) {
        String body = Json.createObjectBuilder()
                .add("type", "about:blank")
                .add("title", status.getReasonPhrase())
                .add("status", status.getStatusCode())
                .add("detail", detail)
                .add(member, value)
                .build()
                .toString();
        return Response.status(status.getStatusCode())
                .type(MEDIA_TYPE)
                .entity(body)
                .build();
    }
}
