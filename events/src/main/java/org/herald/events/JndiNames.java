package org.herald.events;

/**
 * JNDI names Herald relies on. Services find each other by these names
 * (Herald's service discovery); each one can be overridden through
 * MicroProfile Config under the key given next to it, so a runtime that binds
 * a resource elsewhere changes configuration, not code.
 */
public final class JndiNames {

    /** Application name set in the EAR's application.xml. */
    public static final String APP = "herald";

    /** Config key and default of the user service's portable JNDI name. */
    public static final String USER_SERVICE_KEY = "herald.services.user-service.jndi";

    public static final String USER_SERVICE = "java:global/" + APP + "/user-ejb/UserService";

    /** Config key and default of the order service's portable JNDI name. */
    public static final String ORDER_SERVICE_KEY = "herald.services.order-service.jndi";

    public static final String ORDER_SERVICE = "java:global/" + APP + "/order-ejb/OrderService";

    /**
     * Herald's datasource, for Flyway and the health check. The persistence
     * units use the platform default datasource, which the server binds to the same database.
     */
    public static final String DATASOURCE_KEY = "herald.datasource.jndi";

    public static final String DATASOURCE = "java:jboss/datasources/HeraldDS";

    /**
     * The server's pooled connection factory (WildFly's {@code java:/JmsXA}), in locally
     * transacted sessions: the relay publishes through it, the subscriptions consume through it.
     */
    public static final String CONNECTION_FACTORY_KEY = "herald.jms.connection-factory.jndi";

    public static final String CONNECTION_FACTORY = "java:/JmsXA";

    /** Topic JNDI names: {@code java:/jms/topic/<topic name>}; key {@code herald.jms.topic.<topic name>.jndi}. */
    public static final String TOPIC_PREFIX = "java:/jms/topic/";

    public static final String USER_EVENTS_TOPIC = TOPIC_PREFIX + "user.events";
    public static final String ORDER_EVENTS_TOPIC = TOPIC_PREFIX + "order.events";
    public static final String SYSTEM_EVENTS_TOPIC = TOPIC_PREFIX + "system.events";

    private JndiNames() {}
}
