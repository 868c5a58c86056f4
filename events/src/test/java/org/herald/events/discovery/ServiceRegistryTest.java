package org.herald.events.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ServiceRegistryTest {

    @Test
    void resolvingANameNobodyRegisteredNamesWhatIsRegistered() {
        ServiceRegistry registry = new ServiceRegistry();
        registry.registerEndpoint("broker", URI.create("tcp://localhost:61616"));

        ServiceNotFound e =
                assertThrows(ServiceNotFound.class, () -> registry.resolve("payment-service", Object.class));

        assertEquals("No service named payment-service is registered; registered: [broker]", e.getMessage());
    }

    @Test
    void anEndpointIsListedNotResolved() {
        ServiceRegistry registry = new ServiceRegistry();
        registry.registerEndpoint("broker", URI.create("tcp://localhost:61616"));

        assertThrows(ServiceNotFound.class, () -> registry.resolve("broker", Object.class));
    }
}
