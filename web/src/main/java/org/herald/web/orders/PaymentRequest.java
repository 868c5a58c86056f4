package org.herald.web.orders;

import jakarta.json.JsonObject;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Set;
import org.herald.order.payment.Money;
import org.herald.web.JsonBody;

/**
 * Body of {@code POST /api/orders/{id}/payment}: {@code amount}, a JSON
 * number of at most 9 integer and 2 fraction digits, and {@code currency},
 * an ISO 4217 code ({@code EUR} if absent).
 */
public record PaymentRequest(
        @NotNull
        @DecimalMin(value = "0.01", message = "must be at least 0.01")
        @Digits(integer = 9, fraction = 2, message = "must have at most 9 digits before the point and 2 after")
        BigDecimal amount,

        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code of three capital letters")
        String currency) {

    static final String DEFAULT_CURRENCY = "EUR";

    static PaymentRequest from(JsonObject json) {
        JsonBody body = new JsonBody(json, Set.of("amount", "currency"));
        BigDecimal amount = body.decimal("amount");
        if (amount != null) {
            amount = amount.stripTrailingZeros(); // 100.000 is 100: @Digits counts the zeros as written
        }
        String currency = json.containsKey("currency") ? body.string("currency") : DEFAULT_CURRENCY;
        body.rejectWrongTypes();
        return new PaymentRequest(amount, currency);
    }

    /** The amount in cents precision: valid amounts have at most two fraction digits, so nothing is rounded. */
    Money money() {
        return new Money(amount.setScale(2, RoundingMode.UNNECESSARY), currency);
    }
}
