package org.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;

/** Validates request bodies with Bean Validation; a violation becomes a 400 listing the fields. */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    /**
     * The body as a JSON object. Read as any JSON value, so that an array or a
     * string is our 400, not a failed method invocation inside the JAX-RS runtime.
     */
    public JsonObject object(JsonValue body) {
        if (body == null) {
            throw new BadRequestException("A JSON request body is required");
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
