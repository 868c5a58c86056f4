package org.herald.order.payment;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Objects;

/** An amount in a currency (ISO 4217 code), as the payment gateway charges and refunds it. */
public record Money(BigDecimal amount, String currency) implements Serializable {

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
