package org.herald.order;

import jakarta.ejb.ApplicationException;

/** The order asked for does not exist. */
@ApplicationException(rollback = true)
public class NoSuchOrder extends Exception {

    public NoSuchOrder(String orderId) {
        super("No order with id " + orderId);
    }
}
