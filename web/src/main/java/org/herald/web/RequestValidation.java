package org.herald.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.ws.rs.BadRequestException;

/** Validates request bodies with Bean Validation; a violation becomes a 400 listing the fields. */
@ApplicationScoped
public class RequestValidation {

    @Inject
    Validator validator;

    /** The body, which must be there. */
    public <T> T present(T body) {
        if (body == null) {
            throw new BadRequestException("A JSON request body is required");
        }
        return body;
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
