package org.herald.user;

import jakarta.ejb.ApplicationException;

/** Every password-hashing thread is busy and the queue in front of them is full: try again shortly. */
@ApplicationException(rollback = true)
public class HashingBusy extends RuntimeException {

    public HashingBusy() {
        super("Too many passwords are being checked right now; try again in a moment");
    }
}
