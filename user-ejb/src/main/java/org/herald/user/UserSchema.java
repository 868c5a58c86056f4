package org.herald.user;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.herald.events.schema.SchemaMigrations;

/** Brings the user tables up to date when the module starts. */
@Singleton
@Startup
public class UserSchema {

    /** Flyway manages its own transactions: none from the container (declared here, on the callback itself). */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        SchemaMigrations.migrate("user", UserSchema.class);
    }
}
