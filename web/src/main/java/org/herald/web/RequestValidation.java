package org.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;
import java.io.IOException;
import java.io.InputStream;
import org.herald.web.http.StrictJson;

/** Validates request bodies with Bean Validation; a violation becomes a 400 listing the fields. */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    /**
     * The body as a JSON object, read by {@link StrictJson} from the raw stream:
     * the same rules on every runtime, whichever JSON reader the runtime would
     * pick (Jersey prefers its own to an application's). An array or a string
     * is our 400, not a failed method invocation inside the JAX-RS runtime.
     */
    public JsonObject object(InputStream stream) {
        JsonValue body;
        try {
            body = StrictJson.read(stream.readAllBytes());
        } catch (IOException e) {
            // the client stopped sending before the length it announced (or the last chunk)
            throw new BadRequestException("The request body ended before it was complete");
        } catch (StrictJson.Refused e) {
            throw new BadRequestException(e.getMessage());
        }
        if (body.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new BadRequestException("The request body must be a JSON object");
        }
        return body.asJsonObject();
    }

    /** The body, if it satisfies its constraints. */
    public <T> T valid(T body) {
        var violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
