package org.herald.user;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A registered user. The password is kept only as a PBKDF2 hash. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_EMAIL, query = "SELECT u FROM User u WHERE u.email = :email")
public class User {

    static final String BY_EMAIL = "User.byEmail";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, length = 254)
    private String email;

    @Column(nullable = false, length = 100)
    private String name;

    @Column(name = "password_hash", nullable = false, length = 512)
    private String passwordHash;

    @Column(name = "registered_at", nullable = false)
    private OffsetDateTime registeredAt;

    protected User() {}

    User(String email, String name, String passwordHash) {
        this.id = UUID.randomUUID().toString();
        this.email = email;
        this.name = name;
        this.passwordHash = passwordHash;
        this.registeredAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    public String id() {
        return id;
    }

    String passwordHash() {
        return passwordHash;
    }

    /** A new hash of the same password, with the parameters in force now. */
    void rehashed(String hash) {
        this.passwordHash = hash;
    }

    UserProfile profile() {
        return new UserProfile(id, email, name, registeredAt);
    }
}
