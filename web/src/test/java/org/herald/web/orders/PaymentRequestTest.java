package org.herald.web.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.Set;
import java.util.stream.Collectors;
import org.herald.order.payment.Money;
import org.herald.web.problems.InvalidFields;
import org.junit.jupiter.api.Test;

class PaymentRequestTest {

    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    @Test
    void anAmountAloneIsPaidInEurosToTheCent() {
        PaymentRequest request = read("{\"amount\": 25.5}");

        assertTrue(validator.validate(request).isEmpty());
        assertEquals(new Money(new BigDecimal("25.50"), "EUR"), request.money());
    }

    @Test
    void trailingZerosAndExponentsAreTheSameAmount() {
        for (String amount : new String[] {"1e2", "100.000", "100"}) {
            PaymentRequest request = read("{\"amount\": " + amount + ", \"currency\": \"USD\"}");
            assertTrue(validator.validate(request).isEmpty(), amount);
            assertEquals(new Money(new BigDecimal("100.00"), "USD"), request.money(), amount);
        }
    }

    @Test
    void amountsOutsideTheRulesAreNamed() {
        for (String amount :
                new String[] {"0", "-1", "0.001", "10.005", "1000000000", "1e12", "1e-400", "1e999999999"}) {
            assertEquals(Set.of("amount"), invalidFields(read("{\"amount\": " + amount + "}")), amount);
        }
        assertEquals(Set.of("amount"), invalidFields(read("{}")));
        assertEquals(Set.of("amount"), invalidFields(read("{\"amount\": null}")));
    }

    @Test
    void aCurrencyIsThreeCapitalLetters() {
        assertEquals(Set.of("currency"), invalidFields(read("{\"amount\": 1, \"currency\": \"eur\"}")));
        assertEquals(Set.of("currency"), invalidFields(read("{\"amount\": 1, \"currency\": null}")));
        assertEquals(Set.of("currency"), invalidFields(read("{\"amount\": 1, \"currency\": \"EURO\"}")));
    }

    @Test
    void wrongTypesAndUnknownFieldsAreRefused() {
        InvalidFields e =
                assertThrows(InvalidFields.class, () -> read("{\"amount\": \"10\", \"currency\": 978, \"tip\": 1}"));

        assertEquals(
                Set.of("amount", "currency", "tip"),
                e.errors().stream().map(error -> error.field()).collect(Collectors.toSet()));
    }

    private static PaymentRequest read(String json) {
        return PaymentRequest.from(Json.createReader(new StringReader(json)).readObject());
    }

    private Set<String> invalidFields(PaymentRequest request) {
        return validator.validate(request).stream()
                .map(ConstraintViolation::getPropertyPath)
                .map(Object::toString)
                .collect(Collectors.toSet());
    }
}
