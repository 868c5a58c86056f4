package org.herald.user;

import jakarta.ejb.ApplicationException;

/** Registration refused: another user has this email. Rolls the transaction back. */
@ApplicationException(rollback = true)
public class EmailAlreadyRegistered extends Exception {

    public EmailAlreadyRegistered(String email) {
        super("A user with email " + email + " is already registered");
    }
}
