package org.herald.user;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Registers users and logs them in. Bound at
 * {@code java:global/herald/user-ejb/UserService}.
 *
 * <p>No transaction here: passwords are hashed first, on
 * {@link PasswordHashing}'s bounded pool, and only then does
 * {@link UserStore} open a transaction for the writes and their events. A
 * database connection is never held while a password is hashed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class UserService {

    static final URI SOURCE = URI.create("/herald/user-service");
    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    @Inject
    PasswordHashing passwords;

    @Inject
    LoginThrottle throttle;

    @EJB
    UserStore store;

    /** Registers a user: the email is stored trimmed and lower-cased, the name trimmed. */
    public UserProfile register(String email, String name, String password) throws EmailAlreadyRegistered {
        return store.insert(normalized(email), name.trim(), passwords.hash(password));
    }

    /**
     * The user with this email and password, or empty. An unknown email and
     * a wrong password look the same and take as long (a hash is verified
     * either way), and count alike towards the email's lockout; the failure
     * that locks a registered account publishes {@code user.login-failed}. A
     * success publishes {@code user.logged-in} and replaces a hash made with
     * other parameters than today's.
     *
     * @throws LoginThrottled while the email is locked: nothing is checked
     */
    public Optional<UserProfile> authenticate(String email, String password) throws LoginThrottled {
        String normalized = normalized(email);
        throttle.check(normalized);
        Optional<Credentials> credentials = store.credentials(normalized);
        if (!passwords.verify(
                password, credentials.map(Credentials::passwordHash).orElse(null))) {
            LoginThrottle.Failure failure = throttle.failed(normalized);
            if (failure.locked()) {
                LOG.info(() -> "Logins locked after " + failure.failures() + " failures in a row, until "
                        + failure.lockedUntil()
                        + (credentials.isPresent()
                                ? ", for user " + credentials.get().profile().id()
                                : ", for an unknown email"));
                credentials.ifPresent(found -> store.lockedOut(found.profile(), failure));
            }
            return Optional.empty();
        }
        throttle.succeeded(normalized);
        Credentials found = credentials.orElseThrow();
        String hash = found.passwordHash();
        store.loggedIn(found.profile(), passwords.outdated(hash) ? passwords.hash(password) : null);
        return Optional.of(found.profile());
    }

    public Optional<UserProfile> find(String id) {
        return store.find(id);
    }

    private static String normalized(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
