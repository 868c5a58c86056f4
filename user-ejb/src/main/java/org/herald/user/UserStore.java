package org.herald.user;

import io.cloudevents.CloudEvent;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.herald.events.EventEnvelope;
import org.herald.events.EventPublisher;
import org.herald.events.catalogue.EventType;
import org.herald.events.catalogue.UserLoggedIn;
import org.herald.events.catalogue.UserLoginFailed;
import org.herald.events.catalogue.UserRegistered;
import org.herald.events.store.SqlStates;

/**
 * The transactional half of {@link UserService}: each method is one
 * transaction that writes users and stores their events together (the event
 * store is the outbox; the relay publishes after the commit). Passwords
 * arrive hashed: hashing is slow and stays out of these transactions.
 */
@Stateless
public class UserStore {

    /** SQLSTATE of a unique-constraint violation, on H2 and PostgreSQL alike. */
    private static final Set<String> UNIQUE_VIOLATION = Set.of("23505");

    private static final Logger LOG = Logger.getLogger(UserStore.class.getName());

    @PersistenceContext(unitName = "users")
    EntityManager em;

    @Inject
    EventPublisher events;

    /** Whether the email is taken is decided by the database's unique constraint, not by a check-then-insert. */
    public UserProfile insert(String email, String name, String passwordHash) throws EmailAlreadyRegistered {
        User user = new User(email, name, passwordHash);
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException e) {
            if (SqlStates.causedBy(e, UNIQUE_VIOLATION)) {
                throw new EmailAlreadyRegistered(email);
            }
            throw e;
        }
        UserProfile profile = user.profile();
        CloudEvent event = EventEnvelope.first(
                EventType.USER_REGISTERED,
                UserService.SOURCE,
                profile.id(),
                new UserRegistered(profile.id(), profile.email(), profile.name(), profile.registeredAt()));
        events.publish(event);
        LOG.fine(() -> "Registered user " + profile.id() + ", event " + event.getId());
        return profile;
    }

    /** The user with this (normalized) email and their password hash. */
    public Optional<Credentials> credentials(String email) {
        return em.createNamedQuery(User.BY_EMAIL, User.class)
                .setParameter("email", email)
                .getResultStream()
                .findFirst()
                .map(user -> new Credentials(user.profile(), user.passwordHash()));
    }

    /** Publishes {@code user.logged-in}; replaces the password hash if a new one is given. */
    public void loggedIn(UserProfile profile, String newHash) {
        if (newHash != null) {
            em.find(User.class, profile.id()).rehashed(newHash);
        }
        events.publish(EventEnvelope.first(
                EventType.USER_LOGGED_IN,
                UserService.SOURCE,
                profile.id(),
                new UserLoggedIn(profile.id(), profile.email(), now())));
    }

    /** Publishes {@code user.login-failed}: this failure locked the account. */
    public void lockedOut(UserProfile profile, LoginThrottle.Failure failure) {
        events.publish(EventEnvelope.first(
                EventType.USER_LOGIN_FAILED,
                UserService.SOURCE,
                profile.id(),
                new UserLoginFailed(
                        profile.id(),
                        profile.email(),
                        failure.failures(),
                        failure.lockedUntil().atOffset(ZoneOffset.UTC),
                        now())));
    }

    public Optional<UserProfile> find(String id) {
        return Optional.ofNullable(em.find(User.class, id)).map(User::profile);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
