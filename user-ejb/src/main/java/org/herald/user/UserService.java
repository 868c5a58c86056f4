package org.herald.user;

import io.cloudevents.CloudEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.net.URI;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPublisher;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.UserLoggedIn;
import org.herald.events.catalogue.UserRegistered;

/**
 * Registers users. Bound at {@code java:global/herald/user-ejb/UserService}.
 *
 * <p>The insert and the {@code user.registered} event share one local
 * transaction: the event is stored in the event store, which the relay
 * publishes after the commit. Either both exist or neither does.
 */
@Stateless
public class UserService {

    static final URI SOURCE = URI.create("/herald/user-service");
    /** SQLSTATE of a unique-constraint violation, on H2 and PostgreSQL alike. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final Logger LOG = Logger.getLogger(UserService.class.getName());

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Inject
    PasswordHashing passwords;

    @Inject
    EventPublisher events;

    /**
     * Registers a user. The email is stored lower-cased; whether it is taken is
     * decided by the database's unique constraint, not by a check-then-insert.
     */
    public UserProfile register(String email, String name, String password) throws EmailAlreadyRegistered {
        String normalizedEmail = email.trim().toLowerCase(Locale.ROOT);
        User user = new User(normalizedEmail, name.trim(), passwords.hash(password));
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw new EmailAlreadyRegistered(normalizedEmail);
            }
            throw e;
        }
        UserProfile profile = user.profile();
        CloudEvent event = EventEnvelope.first(EventType.USER_REGISTERED, SOURCE, profile.id(),
                new UserRegistered(profile.id(), profile.email(), profile.name(), profile.registeredAt()));
        events.publish(event);
        LOG.fine(() -> "Registered user " + profile.id() + ", event " + event.getId());
        return profile;
    }

    /**
     * The user with this email and password, or empty. An unknown email and a
     * wrong password look the same and take as long (a hash is verified either
     * way). A hash made with other parameters than today's is replaced.
     * Publishes {@code user.logged-in}.
     */
    public Optional<UserProfile> authenticate(String email, String password) {
        Optional<User> found = em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email.trim().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst();
        if (found.isEmpty()) {
            passwords.verifyNothing(password);
            return Optional.empty();
        }
        User user = found.get();
        if (!passwords.verify(password, user.passwordHash())) {
            return Optional.empty();
        }
        if (passwords.outdated(user.passwordHash())) {
            user.rehashed(passwords.hash(password));
        }
        UserProfile profile = user.profile();
        events.publish(EventEnvelope.first(EventType.USER_LOGGED_IN, SOURCE, profile.id(),
                new UserLoggedIn(profile.id(), profile.email(), OffsetDateTime.now(ZoneOffset.UTC))));
        return Optional.of(profile);
    }

    public Optional<UserProfile> find(String id) {
        return Optional.ofNullable(em.find(User.class, id)).map(User::profile);
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
