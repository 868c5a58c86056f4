package org.herald.web.users;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.web.problems.InvalidFields;
import org.herald.web.problems.Problem;
import org.junit.jupiter.api.Test;

class RegisterUserRequestTest {

    private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aCompleteRequestIsValid() {
        RegisterUserRequest request = read("{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"password\":\"correct-horse\"}");

        assertEquals(new RegisterUserRequest("ada@example.com", "Ada", "correct-horse"), request);
        assertTrue(validator.validate(request).isEmpty());
    }

    @Test
    void missingAndInvalidFieldsAreNamed() {
        assertEquals(Set.of("name", "password"), invalidFields(read("{\"email\":\"ada@example.com\"}")));
        assertEquals(Set.of("email", "name", "password"),
                invalidFields(read("{\"email\":\"ada\",\"name\":\"  \",\"password\":\"short\"}")));
        assertEquals(Set.of("name"), invalidFields(new RegisterUserRequest("ada@example.com", "x".repeat(101), "long-enough")));
        assertEquals(Set.of("password"), invalidFields(new RegisterUserRequest("ada@example.com", "Ada", "p".repeat(129))));
    }

    @Test
    void wrongJsonTypesAreRefusedNotCoerced() {
        InvalidFields e = assertThrows(InvalidFields.class,
                () -> read("{\"email\":\"ada@example.com\",\"name\":6,\"password\":[\"x\"]}"));

        assertEquals(Set.of("name", "password"),
                e.errors().stream().map(Problem.FieldError::field).collect(Collectors.toSet()));
    }

    @Test
    void nullCountsAsMissing() {
        assertEquals(Set.of("name"),
                invalidFields(read("{\"email\":\"ada@example.com\",\"name\":null,\"password\":\"correct-horse\"}")));
    }

    private static RegisterUserRequest read(String json) {
        JsonObject object = Json.createReader(new StringReader(json)).readObject();
        return RegisterUserRequest.from(object);
    }

    private Set<String> invalidFields(RegisterUserRequest request) {
        return validator.validate(request).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
