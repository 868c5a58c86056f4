package org.herald.user;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import org.herald.events.EventPipeline;
import org.herald.events.JndiNames;
import org.herald.events.discovery.ServiceRegistry;
import org.herald.events.schema.SchemaMigrations;

/**
 * Starts the user module: brings its tables up to date, makes sure the
 * event pipeline runs, whose relay publishes the events this module stores,
 * and registers the user service.
 */
@Singleton
@Startup
public class UserModule {

    @Inject
    EventPipeline events;

    @Inject
    ServiceRegistry registry;

    @Resource
    ManagedThreadFactory threads;

    /** Flyway manages its own transactions: none from the container (declared here, on the callback itself). */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void start() {
        SchemaMigrations.migrate("user", UserModule.class);
        events.start(threads);
        registry.register("user-service", UserService.class, JndiNames.USER_SERVICE_KEY, JndiNames.USER_SERVICE);
    }

    @PreDestroy
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void stop() {
        events.stop();
    }
}
