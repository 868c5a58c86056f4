package org.herald.systemtests.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;

/**
 * Each user's orders as the API lists them ({@code GET /api/orders?userId=}),
 * asked again for the users that have none yet until every user has one or a
 * deadline passes: orders are created asynchronously, after the relay and the
 * order service's subscription have caught up with the restart.
 */
final class OrderLookup {

    record Order(String id, String userId, String status) {}

    private static final Duration PAUSE_BETWEEN_ROUNDS = Duration.ofMillis(250);

    private final URI base;
    private final int inFlight;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    OrderLookup(URI base, int inFlight) {
        this.base = base;
        this.inFlight = inFlight;
    }

    /**
     * Every user's orders, from the round in which the user first had at least one;
     * users still without any at the deadline map to an empty list.
     */
    Map<String, List<Order>> awaitOrders(Collection<String> userIds, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, List<Order>> found = new HashMap<>();
        Set<String> waiting = new LinkedHashSet<>(userIds);
        while (true) {
            Map<String, List<Order>> round = ordersOf(waiting);
            round.forEach((user, orders) -> {
                if (!orders.isEmpty()) {
                    found.put(user, orders);
                    waiting.remove(user);
                }
            });
            if (waiting.isEmpty() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(PAUSE_BETWEEN_ROUNDS.toMillis());
        }
        waiting.forEach(user -> found.put(user, List.of()));
        return found;
    }

    /** One request per user, {@code inFlight} at a time; users whose request failed are left out. */
    private Map<String, List<Order>> ordersOf(Collection<String> userIds) throws InterruptedException {
        Map<String, List<Order>> orders = new ConcurrentHashMap<>();
        Semaphore permits = new Semaphore(inFlight);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String user : userIds) {
            permits.acquire();
            HttpRequest request = HttpRequest.newBuilder(
                            base.resolve("/api/orders?userId=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        permits.release();
                        if (failure == null && response.statusCode() == 200) {
                            orders.put(user, parse(response.body()));
                        }
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .join();
        return orders;
    }

    private static List<Order> parse(String body) {
        List<Order> orders = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            for (JsonValue value : reader.readArray()) {
                JsonObject order = value.asJsonObject();
                orders.add(new Order(order.getString("id"), order.getString("userId"), order.getString("status")));
            }
        }
        return orders;
    }
}
