package org.herald.user;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.glassfish.soteria.identitystores.hash.Pbkdf2PasswordHashImpl;

/**
 * Password hashes: Argon2id with OWASP's parameters (19 MiB, 2 passes, 1
 * lane) for every new hash; PBKDF2 hashes of earlier versions still verify,
 * and {@link #outdated} tells the login to replace them.
 *
 * <p>Hashing is slow on purpose, so it runs on a small pool of its own
 * ({@code herald.password.threads}, by default half the cores) with a
 * bounded queue ({@code herald.password.queue}); when the queue is full the
 * caller gets {@link HashingBusy} at once instead of waiting in an unbounded
 * line. Callers hash outside any transaction.
 */
@ApplicationScoped
public class PasswordHashing {

    private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

    @Inject
    @ConfigProperty(name = "herald.password.memory-kib", defaultValue = "19456")
    int memoryKib;

    @Inject
    @ConfigProperty(name = "herald.password.iterations", defaultValue = "2")
    int iterations;

    @Inject
    @ConfigProperty(name = "herald.password.threads", defaultValue = "0")
    int threads;

    @Inject
    @ConfigProperty(name = "herald.password.queue", defaultValue = "64")
    int queue;

    /** Jakarta Security's PBKDF2, for hashes made before Argon2id (the container's bean where it offers one). */
    @Inject
    Instance<Pbkdf2PasswordHash> container;

    @Resource
    ManagedThreadFactory threadFactory;

    private final Argon2id argon2 = new Argon2id();
    private Argon2id.Parameters parameters;
    private Pbkdf2PasswordHash pbkdf2;
    private HashingPool pool;
    /** A hash of a random password, verified against when the email is unknown. */
    private String unknownUser;

    @PostConstruct
    void start() {
        parameters = new Argon2id.Parameters(memoryKib, iterations, 1);
        pbkdf2 = container.isResolvable() ? container.get() : new Pbkdf2PasswordHashImpl();
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        pool = new HashingPool(size, queue, threadFactory);
        unknownUser = argon2.hash(UUID.randomUUID().toString(), parameters);
        LOG.info(() ->
                "Password hashing: Argon2id " + parameters.prefix() + " on " + size + " thread(s), queue " + queue);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    /** A new hash of {@code password}. */
    public String hash(String password) {
        return pool.run(() -> argon2.hash(password, parameters));
    }

    /**
     * Whether {@code password} matches {@code stored}; with no stored hash
     * (an email nobody registered) the same work is done against a hash of a
     * random password, so the answer comes no sooner than for a wrong one.
     */
    public boolean verify(String password, String stored) {
        return pool.run(() -> {
            if (stored == null) {
                argon2.verify(password, unknownUser);
                return false;
            }
            return stored.startsWith(Argon2id.PREFIX)
                    ? argon2.verify(password, stored)
                    : pbkdf2.verify(password.toCharArray(), stored);
        });
    }

    /** Whether {@code stored} was made otherwise than a new hash would be: another algorithm or other parameters. */
    public boolean outdated(String stored) {
        return !stored.startsWith(parameters.prefix());
    }
}
