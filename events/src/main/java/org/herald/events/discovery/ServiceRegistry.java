package org.herald.events.discovery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Herald's service registry, on JNDI: each module registers the services it
 * binds (their portable {@code java:global} names, which MicroProfile Config
 * may override) and may add external endpoints; {@link #services()} lists them
 * with their state on this node, {@link #resolve} turns a name into a live
 * reference or an error that names what is missing.
 */
@ApplicationScoped
public class ServiceRegistry {

    /** What a module registered: a JNDI-bound service (with its interface) or an external endpoint. */
    record Registration(String name, String configKey, String defaultJndiName, Class<?> type, URI endpoint) {

        String jndiName() {
            return configKey == null ? null : Jndi.name(configKey, defaultJndiName);
        }
    }

    /**
     * A service as this node sees it now. {@code status}: {@code UP} (bound
     * and of its interface), {@code DOWN} (with {@code error}), or
     * {@code EXTERNAL} for an endpoint outside the server.
     */
    public record Service(
            String name,
            String jndiName,
            String interfaceName,
            String endpoint,
            String version,
            String status,
            String node,
            String error) {}

    private final Map<String, Registration> registrations = new ConcurrentSkipListMap<>();

    @Inject
    @ConfigProperty(name = "herald.version", defaultValue = "unknown")
    String version;

    @Inject
    Node node;

    /** A service bound in JNDI at the name configured under {@code configKey}, {@code defaultJndiName} if none. */
    public void register(String name, Class<?> type, String configKey, String defaultJndiName) {
        registrations.put(name, new Registration(name, configKey, defaultJndiName, type, null));
    }

    /** An endpoint outside the application server, for clients to find. */
    public void registerEndpoint(String name, URI endpoint) {
        registrations.put(name, new Registration(name, null, null, null, endpoint));
    }

    /** Every registered service, by name, each looked up now. */
    public List<Service> services() {
        return registrations.values().stream().map(this::state).toList();
    }

    /** The live reference of the service registered as {@code name}. */
    public <T> T resolve(String name, Class<T> type) {
        Registration registration = registrations.get(name);
        if (registration == null || registration.type() == null) {
            throw new ServiceNotFound(
                    "No service named " + name + " is registered; registered: " + registrations.keySet(), null);
        }
        String jndiName = registration.jndiName();
        try {
            return type.cast(InitialContext.doLookup(jndiName));
        } catch (NamingException | ClassCastException e) {
            throw new ServiceNotFound(
                    "Service " + name + " is not bound at " + jndiName + " (config key " + registration.configKey()
                            + "): is its module deployed?",
                    e);
        }
    }

    private Service state(Registration registration) {
        if (registration.endpoint() != null) {
            return new Service(
                    registration.name(),
                    null,
                    null,
                    registration.endpoint().toString(),
                    version,
                    "EXTERNAL",
                    node.name(),
                    null);
        }
        String status = "UP";
        String error = null;
        try {
            resolve(registration.name(), registration.type());
        } catch (ServiceNotFound e) {
            status = "DOWN";
            error = e.getMessage();
        }
        return new Service(
                registration.name(),
                registration.jndiName(),
                registration.type().getName(),
                null,
                version,
                status,
                node.name(),
                error);
    }
}
