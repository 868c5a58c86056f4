package org.herald.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * Jakarta Security's PBKDF2 password hash, set up from MicroProfile Config.
 * The default follows OWASP's advice for PBKDF2-HMAC-SHA512 (210,000
 * iterations); lower {@code herald.password.iterations} only to measure the
 * rest of the pipeline.
 *
 * <p>Where the container offers {@code Pbkdf2PasswordHash} as a bean (Payara)
 * it is used; WildFly ships the same implementation (Soteria) but does not
 * register it for EJB modules, so it is created directly there.
 */
@ApplicationScoped
public class PasswordHashing {

    @Inject
    Instance<Pbkdf2PasswordHash> container;

    private Pbkdf2PasswordHash hash;
    /** A hash of a random password, verified against when the email is unknown. */
    private String unknownUser;

    @Inject
    @ConfigProperty(name = "herald.password.iterations", defaultValue = "210000")
    int iterations;

    @PostConstruct
    void configure() {
        hash = container.isResolvable() ? container.get() : new Pbkdf2PasswordHashImpl();
        hash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "64"));
        unknownUser = hash(UUID.randomUUID().toString());
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }

    /** Whether {@code password} matches {@code stored}, a hash this class made. */
    public boolean verify(String password, String stored) {
        return hash.verify(password.toCharArray(), stored);
    }

    /**
     * The work of a verification, for an email nobody registered: the answer
     * must not come sooner than for a wrong password.
     */
    public void verifyNothing(String password) {
        hash.verify(password.toCharArray(), unknownUser);
    }

    /** Whether {@code stored} was made with other parameters than those in force now. */
    public boolean outdated(String stored) {
        return !stored.startsWith("PBKDF2WithHmacSHA512:" + iterations + ":");
    }
}
