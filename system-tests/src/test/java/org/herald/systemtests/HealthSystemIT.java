package org.herald.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Black box: MicroProfile Health reports the database, the broker, the relay
 * and each subscription, and follows the broker when it goes away and comes
 * back, without a server restart; registrations made while the broker is away
 * are kept in the event store and get their orders when it is back.
 */
@ExtendWith(ArquillianExtension.class)
class HealthSystemIT extends BlackBoxTest {

    private static final URI HEALTH =
            URI.create(System.getProperty("herald.health.url", "http://localhost:9990/health"));
    private static final String BROKER_SCRIPT = System.getProperty("herald.broker.script", "");
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    @Test
    void readinessReportsTheDatabaseAndTheBroker() {
        JsonObject ready = health("/ready");
        assertEquals("UP", ready.getString("status"), ready.toString());
        Set<String> checks = ready.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject().getString("name"))
                .collect(Collectors.toSet());
        assertTrue(checks.containsAll(Set.of("database", "broker", "relay", "subscriptions")), checks.toString());
        JsonObject subscriptions = ready.getJsonArray("checks").stream()
                .map(check -> check.asJsonObject())
                .filter(check -> check.getString("name").equals("subscriptions"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                "running",
                subscriptions.getJsonObject("data").getString("order-service-user-registered.status"),
                subscriptions.toString());
        assertEquals("UP", health("/live").getString("status"));
    }

    @Test
    void readinessNamesTheNodeThatAnsweredAmongTheNodesAlive() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject nodes;
        do { // the node's presence lease is taken by a worker just after start
            nodes = health("/ready").getJsonArray("checks").stream()
                    .map(check -> check.asJsonObject())
                    .filter(check -> check.getString("name").equals("nodes"))
                    .findFirst()
                    .orElseThrow()
                    .getJsonObject("data");
            if (List.of(nodes.getString("alive").split(",")).contains(nodes.getString("node"))) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("this node is not among the nodes alive: " + nodes);
    }

    @Test
    void registrationsOutliveABrokerOutage() throws Exception {
        assumeTrue(
                !"wildfly".equals(System.getProperty("herald.runtime", "wildfly")),
                "only where the broker runs apart from the server (Payara); WildFly's is embedded");
        List<String> accepted = new ArrayList<>();
        int refused = 0;
        String outageStart = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC)
                .minusSeconds(1)
                .toString();
        try {
            broker("stop");
            Poll.until(
                    () -> health("/ready").getString("status"),
                    "DOWN"::equals,
                    Duration.ofSeconds(10),
                    "readiness DOWN after the broker stopped");
            // registrations go on for 15 s without the broker: each is stored with its
            // event (201), or refused as unavailable (503) — never a 500, never a hang
            long end = System.nanoTime() + OUTAGE.toNanos();
            while (System.nanoTime() < end) {
                long started = System.nanoTime();
                HttpResponse<String> response =
                        herald.postJson("/api/users", HeraldClient.registration(HeraldClient.uniqueEmail()));
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "a registration took " + took);
                if (response.statusCode() == 201) {
                    accepted.add(HeraldClient.object(response).getString("id"));
                } else {
                    assertEquals(503, response.statusCode(), response.body());
                    assertEquals(
                            "application/problem+json",
                            response.headers().firstValue("Content-Type").orElse(""));
                    refused++;
                }
            }
            assertEquals("DOWN", health("/ready").getString("status"), "readiness while the broker is away");
        } finally {
            broker("start");
        }
        Poll.until(
                () -> health("/ready").getString("status"),
                "UP"::equals,
                Duration.ofSeconds(30),
                "readiness UP after the broker restarted");
        // every registration accepted during the outage gets its order once the broker is back
        assertTrue(!accepted.isEmpty(), "no registration was accepted during the outage (" + refused + " refused)");
        long back = System.nanoTime();
        for (String userId : accepted) {
            Poll.until(
                    () -> HeraldClient.json(herald.get("/api/orders?userId=" + userId))
                            .asJsonArray()
                            .size(),
                    orders -> orders == 1,
                    Duration.ofSeconds(60),
                    "the one order of " + userId);
        }
        // the outage as system events: broker-down stored when the relay lost the broker, broker-up once it
        // published again; both reach the broker (published), in this order on the node's subject
        JsonObject down = Poll.until(
                () -> systemEvent("system.broker-down", outageStart),
                event -> event != null,
                Duration.ofSeconds(30),
                "system.broker-down published");
        JsonObject up = Poll.until(
                () -> systemEvent("system.broker-up", outageStart),
                event -> event != null,
                Duration.ofSeconds(30),
                "system.broker-up published");
        assertEquals(down.getString("subject"), up.getString("subject"), "one node");
        assertTrue(down.getString("sequence").compareTo(up.getString("sequence")) < 0, down + " then " + up);
        assertEquals(
                down.getJsonObject("data").getString("since"),
                up.getJsonObject("data").getString("since"));
        System.out.printf(
                "Broker outage of %d s: %d registrations accepted (201), %d refused (503); every accepted"
                        + " one had its order %d ms after readiness was UP again%n",
                OUTAGE.toSeconds(),
                accepted.size(),
                refused,
                Duration.ofNanos(System.nanoTime() - back).toMillis());
    }

    /** The first published event of this type since {@code from}, or null. */
    private JsonObject systemEvent(String type, String from) {
        JsonObject page = HeraldClient.object(herald.get("/api/events?type=" + type + "&from="
                + java.net.URLEncoder.encode(from, java.nio.charset.StandardCharsets.UTF_8)));
        return page.getJsonArray("events").getValuesAs(JsonObject.class).stream()
                .filter(event -> HeraldClient.object(herald.get("/api/events/" + event.getString("id")))
                        .containsKey("publishedAt"))
                .findFirst()
                .orElse(null);
    }

    private JsonObject health(String path) {
        // health answers 503 when DOWN, with the same JSON body
        return HeraldClient.object(herald.get(HEALTH.toString() + path));
    }

    private static void broker(String command) throws IOException, InterruptedException {
        Process process =
                new ProcessBuilder("bash", BROKER_SCRIPT, command).inheritIO().start();
        assertEquals(0, process.waitFor(), "broker.sh " + command);
    }
}
