package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: MicroProfile Health reports the database, the broker, the relay
 * and each subscription, and
 * follows the broker when it goes away and comes back, without a server restart.
 */
@ExtendWith(ArquillianExtension.class)
class HealthSystemIT extends BlackBoxTest {

    private static final URI HEALTH = URI.create(System.getProperty("herald.health.url", "http://localhost:9990/health"));
    private static final String BROKER_SCRIPT = System.getProperty("herald.broker.script", "");

    @Test
    void readinessReportsTheDatabaseAndTheBroker() {
        JsonObject ready = health("/ready");
        assertEquals("UP", ready.getString("status"), ready.toString());
        Set<String> checks = ready.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
        assertTrue(checks.containsAll(Set.of("database", "broker", "relay", "subscriptions")), checks.toString());
        JsonObject subscriptions = ready.getJsonArray("checks").stream().map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("subscriptions")).findFirst().orElseThrow();
        assertEquals("running", subscriptions.getJsonObject("data").getString("order-service.user-registered.status"),
                subscriptions.toString());
        assertEquals("UP", health("/live").getString("status"));
    }

    @Test
    void readinessFollowsTheStandaloneBroker() throws Exception {
        assumeTrue(!BROKER_SCRIPT.isBlank(),
                "only where the broker runs apart from the server (Payara); WildFly's is embedded");
        try {
            broker("stop");
            Poll.until(() -> health("/ready").getString("status"), "DOWN"::equals, Duration.ofSeconds(10),
                    "readiness DOWN after the broker stopped");
        } finally {
            broker("start");
        }
        Poll.until(() -> health("/ready").getString("status"), "UP"::equals, Duration.ofSeconds(30),
                "readiness UP after the broker restarted");
        // and the pipeline works again: a registration still opens its order
        String userId = HeraldClient.object(herald.postJson("/api/users",
                HeraldClient.registration(HeraldClient.uniqueEmail()))).getString("id");
        Poll.until(() -> HeraldClient.json(herald.get("/api/orders?userId=" + userId)).asJsonArray(),
                orders -> !orders.isEmpty(), Duration.ofSeconds(30), "an order after the broker came back");
    }

    private JsonObject health(String path) {
        // health answers 503 when DOWN, with the same JSON body
        return HeraldClient.object(herald.get(HEALTH.toString() + path));
    }

    private static void broker(String command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(BROKER_SCRIPT, command).inheritIO().start();
        assertEquals(0, process.waitFor(), "broker.sh " + command);
    }
}
