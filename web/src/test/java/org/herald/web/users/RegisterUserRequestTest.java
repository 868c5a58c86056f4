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
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.web.problems.InvalidFields;
import org.herald.web.problems.Problem;
import org.junit.jupiter.api.Test;

class RegisterUserRequestTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void aCompleteRequestIsValid() {
        RegisterUserRequest request =
                read("{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"password\":\"correct-horse\"}");

        assertEquals(new RegisterUserRequest("ada@example.com", "Ada", "correct-horse"), request);
        assertTrue(validator.validate(request).isEmpty());
    }

    @Test
    void missingAndInvalidFieldsAreNamed() {
        assertEquals(Set.of("name", "password"), invalidFields(read("{\"email\":\"ada@example.com\"}")));
        assertEquals(
                Set.of("email", "name", "password"),
                invalidFields(read("{\"email\":\"ada\",\"name\":\"  \",\"password\":\"short\"}")));
        assertEquals(
                Set.of("name"),
                invalidFields(new RegisterUserRequest("ada@example.com", "x".repeat(101), "long-enough")));
        assertEquals(
                Set.of("password"), invalidFields(new RegisterUserRequest("ada@example.com", "Ada", "p".repeat(129))));
    }

    @Test
    void wrongJsonTypesAreRefusedNotCoerced() {
        InvalidFields e = assertThrows(
                InvalidFields.class, () -> read("{\"email\":\"ada@example.com\",\"name\":6,\"password\":[\"x\"]}"));

        assertEquals(
                Set.of("name", "password"),
                e.errors().stream().map(Problem.FieldError::field).collect(Collectors.toSet()));
    }

    @Test
    void nullCountsAsMissing() {
        assertEquals(
                Set.of("name"),
                invalidFields(read("{\"email\":\"ada@example.com\",\"name\":null,\"password\":\"correct-horse\"}")));
    }

    @Test
    void unknownFieldsAreRefusedNotIgnored() {
        InvalidFields e = assertThrows(
                InvalidFields.class,
                () -> read(
                        "{\"email\":\"ada@example.com\",\"name\":\"Ada\",\"password\":\"correct-horse\",\"admin\":true}"));

        assertEquals(List.of(new Problem.FieldError("admin", "is not a field of this request")), e.errors());
    }

    @Test
    void namesAreWordsWithoutHiddenOrControlCharacters() {
        for (String name : List.of(
                "Ada",
                "Grace Hopper",
                "O'Brien",
                "Jean-Luc Picard",
                "J. R. R. Tolkien",
                "Martin Luther King Jr.",
                "Zoë",
                "Zoe\u0308",
                "\u6797\u9ec3",
                "Ōtani Shōhei",
                "R2 D2",
                "D’Arcy")) {
            assertEquals(
                    Set.of(), invalidFields(new RegisterUserRequest("ada@example.com", name, "long-enough")), name);
        }
        for (String name : List.of(
                " Ada",
                "Ada ",
                "Grace  Hopper",
                "Ada\u0000",
                "Ada\nLovelace",
                "Ada\r\n",
                "\u001b[31mAda",
                "Ada\u202eecalovel",
                "\u2066Ada\u2069",
                "\u200b",
                "\u200b\u200c\ufeff",
                "<script>alert(1)</script>",
                "'; DROP TABLE users; --",
                "${jndi:ldap://x}",
                "{{7*7}}",
                "123",
                "Ada\u0085",
                "Ada\u007f",
                "-Ada",
                "")) {
            assertEquals(
                    Set.of("name"),
                    invalidFields(new RegisterUserRequest("ada@example.com", name, "long-enough")),
                    name);
        }
    }

    @Test
    void emailsArePlainAscii() {
        for (String email : List.of("ada@example.com", "ada.lovelace+herald@mail.example.co.uk", "a_b-c%d@x-y.io")) {
            assertEquals(Set.of(), invalidFields(new RegisterUserRequest(email, "Ada", "long-enough")), email);
        }
        for (String email : List.of(
                "ada",
                "ada@example",
                "ada@@example.com",
                ".ada@example.com",
                "ada.@example.com",
                "a..b@example.com",
                "ad a@example.com",
                " ada@example.com",
                "ada@example.com ",
                "zoë@example.com",
                "ada@exämple.com",
                "\"ada\"@example.com",
                "ada@[127.0.0.1]",
                "ada'--@example.com",
                "<script>@example.com",
                "ada@example.com\r\nBcc: x@y.z",
                "ada\u0000@example.com",
                "x".repeat(65) + "@example.com",
                "ada@" + "x".repeat(64) + ".com",
                "ada@-example.com",
                "ada@example.c0m")) {
            assertEquals(Set.of("email"), invalidFields(new RegisterUserRequest(email, "Ada", "long-enough")), email);
        }
    }

    @Test
    void passwordsAreAnyTextButControlCharacters() {
        for (String password : List.of(
                "correct horse", "' OR 1=1 --", "<script>x</script>", "пароль-секрет", "\uD83D\uDE00".repeat(4))) {
            assertEquals(
                    Set.of(), invalidFields(new RegisterUserRequest("ada@example.com", "Ada", password)), password);
        }
        for (String password :
                List.of("long\u0000enough", "long-enough\n", "\u001b[0mlong-enough", "long\ud800enough")) {
            assertEquals(
                    Set.of("password"), invalidFields(new RegisterUserRequest("ada@example.com", "Ada", password)));
        }
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
