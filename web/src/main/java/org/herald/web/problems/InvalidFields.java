package org.herald.web.problems;

import java.util.List;

/** Request fields of the wrong JSON type; answered like a validation failure. */
public class InvalidFields extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidFields(List<Problem.FieldError> errors) {
        super("Invalid fields: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
