package org.herald.user;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class Argon2idTest {

    private static final Argon2id.Parameters SMALL = new Argon2id.Parameters(64, 1, 1);
    private final Argon2id argon2 = new Argon2id();

    @Test
    void aHashCarriesItsParametersAndVerifiesOnlyItsPassword() {
        String hash = argon2.hash("correct-horse", SMALL);

        assertTrue(hash.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), hash);
        assertTrue(argon2.verify("correct-horse", hash));
        assertFalse(argon2.verify("correct-horsf", hash));
        assertNotEquals(hash, argon2.hash("correct-horse", SMALL), "a new salt every time");
    }

    /** Made by the reference implementation's command line: {@code echo -n correct-horse | argon2 herald-test-salt -id -m 6 -t 2 -p 1 -l 32 -e}. */
    @Test
    void aHashOfTheReferenceImplementationVerifies() {
        String reference =
                "$argon2id$v=19$m=64,t=2,p=1$aGVyYWxkLXRlc3Qtc2FsdA$bVJ/NmpPJ+uvhABWkvdDQruEaMdigiU7IqnQ+VMbbec";

        assertTrue(argon2.verify("correct-horse", reference));
        assertFalse(argon2.verify("correct-horse ", reference));
    }

    @Test
    void somethingElseIsNoArgon2idHash() {
        assertFalse(argon2.verify("x", "PBKDF2WithHmacSHA512:1024:c2FsdA==:aGFzaA=="));
        assertFalse(argon2.verify("x", "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaA"));
    }
}
