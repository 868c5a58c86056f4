package org.herald.order;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.herald.events.schema.SchemaMigrations;

/** Brings the order tables up to date when the module starts. */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class OrderSchema {

    @PostConstruct
    void migrate() {
        SchemaMigrations.migrate("order", OrderSchema.class);
    }
}
