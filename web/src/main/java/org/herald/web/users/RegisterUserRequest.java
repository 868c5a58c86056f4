package org.herald.web.users;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.herald.web.JsonBody;

/** Body of {@code POST /api/users}. */
public record RegisterUserRequest(
        @NotNull @Size(max = 254) @Pattern(regexp = EMAIL, message = EMAIL_RULE)
        String email,

        @NotNull @Size(min = 1, max = 100) @Pattern(regexp = NAME, message = NAME_RULE)
        String name,

        @NotNull @Size(min = 8, max = 128) @Pattern(regexp = PASSWORD, message = PASSWORD_RULE)
        String password) {

    /*
     * Stricter than RFC 5321 on purpose: what is stored is exactly what was
     * sent, so input is refused rather than repaired, and nothing that could
     * forge a log line, hide in a UI (bidi overrides, zero-width characters)
     * or smuggle markup or SQL into another system gets in.
     */
    static final String EMAIL = "(?=[^@]{1,64}@)[A-Za-z0-9_%+-]+(\\.[A-Za-z0-9_%+-]+)*"
            + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}";
    static final String EMAIL_RULE =
            "must be an ASCII email address: name@domain.tld, " + "the name of letters, digits and . _ % + -";
    /** Words of letters, marks and digits, joined by one space, hyphen, apostrophe or period (+ space). */
    static final String NAME = "(?=.*\\p{L})[\\p{L}\\p{M}\\p{Nd}]+((\\. ?|[ '’-])[\\p{L}\\p{M}\\p{Nd}]+)*\\.?";

    static final String NAME_RULE =
            "must be letters, digits and single spaces, hyphens, apostrophes or periods " + "between them";
    /** Any text but control characters and unpaired surrogates. */
    static final String PASSWORD = "[^\\p{Cc}\\p{Cs}]*";

    static final String PASSWORD_RULE = "must not contain control characters";

    /** Reads the fields strictly: a field given as anything but a JSON string is refused, not coerced. */
    static RegisterUserRequest from(JsonObject json) {
        JsonBody body = new JsonBody(json, Set.of("email", "name", "password"));
        RegisterUserRequest request =
                new RegisterUserRequest(body.string("email"), body.string("name"), body.string("password"));
        body.rejectWrongTypes();
        return request;
    }
}
