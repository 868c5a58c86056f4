package org.herald.user;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
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
    }

    public String hash(String password) {
        return hash.generate(password.toCharArray());
    }
}
