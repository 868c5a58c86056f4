package org.herald.events.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The RSA key pair of a Herald that has no signing key configured: made in
 * memory once per JVM, never written anywhere. Tokens it signs die with the
 * process, and no other node accepts them.
 *
 * <p>Kept in the JVM's system properties map as an object (not a string, so
 * neither {@code System.getProperty} nor the runtime MBean shows it), because
 * a server may load this class more than once: Payara resolves the
 * verification key while deploying, with another class loader than the one
 * the token issuer runs in, and both must see one pair.
 */
public final class DevelopmentKey {

    private static final String PAIR = "herald.jwt.development-key-pair";

    private DevelopmentKey() {}

    public static KeyPair pair() {
        return (KeyPair) System.getProperties().computeIfAbsent(PAIR, name -> generate());
    }

    /** The public key as MicroProfile JWT reads {@code mp.jwt.verify.publickey}: PEM, X.509 SubjectPublicKeyInfo. */
    static String publicKeyPem() {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pair().getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM cannot make RSA keys", e);
        }
    }
}
