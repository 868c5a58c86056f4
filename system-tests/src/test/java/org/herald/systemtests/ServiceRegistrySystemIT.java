package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Black box: {@code GET /api/services} lists the services the modules registered, each found in JNDI now. */
@ExtendWith(ArquillianExtension.class)
class ServiceRegistrySystemIT extends BlackBoxTest {

    @Test
    void theRegistryListsBothServicesUpInJndiAndTheBrokersEndpoint() {
        HttpResponse<String> response = herald.get("/api/services");
        assertEquals(200, response.statusCode(), response.body());
        Map<String, JsonObject> services =
                HeraldClient.json(response).asJsonArray().getValuesAs(JsonObject.class).stream()
                        .collect(Collectors.toMap(service -> service.getString("name"), Function.identity()));

        assertEquals(
                List.of("broker", "order-service", "user-service"),
                services.keySet().stream().sorted().toList());
        for (String name : List.of("user-service", "order-service")) {
            JsonObject service = services.get(name);
            assertAll(
                    name,
                    () -> assertEquals("UP", service.getString("status"), service.toString()),
                    () -> assertTrue(service.getString("jndiName").startsWith("java:global/"), service.toString()),
                    () -> assertTrue(
                            service.getString("jndiName")
                                    .endsWith(service.getString("interfaceName")
                                            .substring(service.getString("interfaceName")
                                                            .lastIndexOf('.')
                                                    + 1)),
                            service.toString()),
                    () -> assertFalse(service.getString("node").isBlank()),
                    () -> assertNotEquals("unknown", service.getString("version")),
                    () -> assertFalse(service.containsKey("error")));
        }
        assertEquals("org.herald.user.UserService", services.get("user-service").getString("interfaceName"));
        JsonObject broker = services.get("broker");
        assertEquals("EXTERNAL", broker.getString("status"));
        assertTrue(broker.getString("endpoint").startsWith("tcp://"), broker.toString());
    }
}
