package org.herald.web.problems;

import jakarta.ws.rs.NotFoundException;

/** An id that names nothing: a 404 whose message is safe to show the caller. */
public class NoSuchResource extends NotFoundException {

    public NoSuchResource(String message) {
        super(message);
    }
}
