package org.herald.bench;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
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
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * After the kill -9 rounds, on the restarted server: reads every
 * order.created the durable external subscription kept, waits for the relay's
 * backlog to reach 0, asks the server for each user's orders
 * ({@code GET /api/orders?userId=}) and judges ({@link KillOutcome}).
 */
final class KillVerify {

    private static final String ORDER_ID = "cloudEvents_subject";

    private KillVerify() {}

    static void run(Args args) throws Exception {
        PhaseContext ctx = new PhaseContext(args);
        Map<String, String> userByEvent = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ctx.phases().resolve("kill-published.txt"))) {
            String[] parts = line.split(" ");
            userByEvent.put(parts[0], parts[1]);
        }
        long start = System.nanoTime();
        Map<String, Set<String>> seen = new HashMap<>();
        long deliveries = readSubscription(ctx, userByEvent.keySet(), seen);
        long backlog = awaitRelayBacklog(ctx.health(), 120);
        Map<String, List<String>> orders = ordersByUser(args.get("http"), userByEvent.values());
        KillOutcome outcome = KillOutcome.of(userByEvent, orders, seen);
        JsonObject result = Json.createObjectBuilder()
                .add(
                        "method",
                        "rounds of: pause (JMX), pre-load new users' user.registered, resume, SIGKILL the server"
                                + " when a random share is applied, restart it the same way; then read every order.created kept"
                                + " by a shared durable external subscription, wait for the relay backlog, and list each user's"
                                + " orders over HTTP")
                .add("outcome", outcome.json())
                .add("users_the_server_did_not_answer_for", userByEvent.size() - orders.size())
                .add("order_created_deliveries", deliveries)
                .add("relay_unpublished_at_end", backlog)
                .add("verify_seconds", ProcSampler.round((System.nanoTime() - start) / 1e9))
                .add("passed", outcome.clean() && backlog == 0)
                .build();
        JsonFiles.write(ctx.phases().resolve("kill-verify.json"), result);
        System.out.printf(
                "kill -9 verdict: %s; relay backlog at end %d; %s%n",
                outcome.clean() && backlog == 0 ? "PASS" : "FAIL", backlog, outcome.json());
    }

    /** Everything the durable subscription holds, until every cause is seen and 3 s pass quietly (at most 300 s). */
    private static long readSubscription(PhaseContext ctx, Set<String> causes, Map<String, Set<String>> seen)
            throws Exception {
        long deliveries = 0;
        int causesSeen = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        try (Connection connection = ctx.factory().createConnection(Broker.CLIENT_USER, Broker.CLIENT_PASSWORD)) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createSharedDurableConsumer(
                    session.createTopic(Broker.address("order.events")),
                    KillRound.DURABLE_SUBSCRIPTION,
                    "cloudEvents_type = 'order.created'");
            connection.start();
            while (System.nanoTime() < deadline) {
                Message message = consumer.receive(causesSeen < causes.size() ? 1000 : 3000);
                if (message == null) {
                    if (causesSeen >= causes.size()) {
                        break;
                    }
                    continue;
                }
                deliveries++;
                String cause = message.getStringProperty(OrderCreatedArrivals.CAUSATION);
                // an order.created's subject is its order's id
                if (seen.computeIfAbsent(cause, c -> new HashSet<>()).add(message.getStringProperty(ORDER_ID))
                        && seen.get(cause).size() == 1
                        && causes.contains(cause)) {
                    causesSeen++;
                }
            }
            consumer.close();
            session.unsubscribe(KillRound.DURABLE_SUBSCRIPTION);
        }
        return deliveries;
    }

    private static long awaitRelayBacklog(Health health, int seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        long unpublished = Health.number(health.check("relay"), "unpublished");
        while (unpublished != 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(200_000_000L);
            unpublished = Health.number(health.check("relay"), "unpublished");
        }
        return unpublished;
    }

    /** Each user's order ids, as the server lists them; 16 requests in flight. */
    private static Map<String, List<String>> ordersByUser(String base, Iterable<String> users) throws Exception {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, List<String>> orders = new ConcurrentHashMap<>();
        Semaphore inFlight = new Semaphore(16);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String user : users) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create(base + "/api/orders?userId=" + URLEncoder.encode(user, StandardCharsets.UTF_8)))
                    .timeout(Duration.ofSeconds(30))
                    .GET()
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        inFlight.release();
                        if (failure == null && response.statusCode() == 200) {
                            orders.put(user, orderIds(response.body()));
                        }
                    }));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                .exceptionally(e -> null)
                .get(10, TimeUnit.MINUTES);
        return orders;
    }

    static List<String> orderIds(String body) {
        List<String> ids = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            for (JsonValue order : reader.readArray()) {
                ids.add(order.asJsonObject().getString("id"));
            }
        }
        return ids;
    }
}
