package org.herald.web.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/** A request body over the configured limit. */
public class PayloadTooLarge extends WebApplicationException {

    public PayloadTooLarge(long maxBytes) {
        super("Request body is larger than " + maxBytes + " bytes", Response.Status.REQUEST_ENTITY_TOO_LARGE);
    }
}
