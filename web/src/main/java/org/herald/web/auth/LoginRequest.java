package org.herald.web.auth;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.herald.web.JsonBody;

/**
 * The body of {@code POST /api/auth/login}. Only shape and size are checked:
 * whether the email exists is the login's answer (401), not a 400.
 */
public record LoginRequest(
        @NotNull @Size(max = 254) String email,
        @NotNull @Size(max = 128) String password) {

    static LoginRequest from(JsonObject json) {
        JsonBody body = new JsonBody(json, Set.of("email", "password"));
        LoginRequest request = new LoginRequest(body.string("email"), body.string("password"));
        body.rejectWrongTypes();
        return request;
    }
}
