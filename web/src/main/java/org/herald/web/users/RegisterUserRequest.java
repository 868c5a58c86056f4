package org.herald.web.users;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.herald.web.JsonBody;

/** Body of {@code POST /api/users}. */
public record RegisterUserRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Size(min = 8, max = 128) String password) {

    /** Reads the fields strictly: a field given as anything but a JSON string is refused, not coerced. */
    static RegisterUserRequest from(JsonObject json) {
        JsonBody body = new JsonBody(json);
        RegisterUserRequest request = new RegisterUserRequest(
                body.string("email"), body.string("name"), body.string("password"));
        body.rejectWrongTypes();
        return request;
    }
}
