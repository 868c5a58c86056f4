package org.herald.web.problems;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A problem detail (RFC 9457); {@code errors} only for validation failures. */
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** One invalid field of a request. */
    public record FieldError(String field, String message) {
    }

    public static Response response(Response.StatusType status, String detail) {
        return response(status, detail, null);
    }

    public static Response response(Response.StatusType status, String detail, List<FieldError> errors) {
        Problem problem = new Problem("about:blank", status.getReasonPhrase(), status.getStatusCode(), detail, errors);
        return Response.status(status.getStatusCode()).type(MEDIA_TYPE).entity(problem).build();
    }
}
