package org.herald.systemtests.faults;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.herald.systemtests.faults.OrderLookup.Order;

/**
 * Orders with a history of {@value #EVENTS_PER_ORDER} events each, made over
 * HTTP through two nodes: {@code order.created}, six declined payments
 * ({@code payment.failed}), an accepted one ({@code payment.succeeded}) and a
 * cancellation that refunds it ({@code refund.succeeded}, {@code order.cancelled}).
 * One client takes one order's steps in turn, each step on the other node than
 * the one before; a step the other node did not answer (refused, dropped, 5xx:
 * it was killed) is sent again to the next node until one answers, so every
 * history completes whatever node dies.
 */
final class SequencedOrders {

    static final int EVENTS_PER_ORDER = 10;

    /** A customer with a token from the node that did not register them: the nodes share the signing key. */
    record Customer(String email, String userId, String orderId, String token) {}

    /** What the load did: requests, those sent again after no answer, and answers no step allows. */
    record Load(int requests, int resent, List<String> unexpected) {}

    private record Step(String path, String body, String status) {}

    private static final Step DECLINED = new Step("/payment", "{\"amount\": 2000}", "CREATED");
    private static final List<Step> STEPS = List.of(
            DECLINED,
            DECLINED,
            DECLINED,
            DECLINED,
            DECLINED,
            DECLINED,
            new Step("/payment", "{\"amount\": 100}", "PAID"),
            new Step("/cancel", "", "REFUNDED"));
    private static final String PASSWORD = "correct-horse-battery";

    private final List<URI> nodes;
    private final int clients;
    private final Duration timeout;
    private final AtomicInteger stepsDone = new AtomicInteger();
    private CountDownLatch mark = new CountDownLatch(0);

    SequencedOrders(List<URI> nodes, int clients, Duration timeout) {
        this.nodes = nodes;
        this.clients = clients;
        this.timeout = timeout;
    }

    /** Registers {@code count} customers, alternating nodes, logs each in on the other node and waits for their orders. */
    List<Customer> customers(String prefix, int count) throws Exception {
        HttpClient http = client();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<CompletableFuture<Customer>> signUps = IntStream.range(0, count)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> signUp(http, prefix + "-" + i, i), pool))
                    .toList();
            List<Customer> customers = new ArrayList<>();
            for (CompletableFuture<Customer> signUp : signUps) {
                customers.add(signUp.get(timeout.toSeconds(), TimeUnit.SECONDS));
            }
            Map<String, List<Order>> orders = new OrderLookup(nodes.get(0), clients)
                    .awaitOrders(customers.stream().map(Customer::userId).toList(), timeout);
            return customers.stream()
                    .map(c -> {
                        List<Order> theirs = orders.get(c.userId());
                        if (theirs.size() != 1) {
                            throw new AssertionError(c.email() + " has " + theirs.size() + " orders, not one");
                        }
                        return new Customer(c.email(), c.userId(), theirs.get(0).id(), c.token());
                    })
                    .toList();
        } finally {
            pool.shutdown();
        }
    }

    /** Starts every customer's steps; {@link #awaitMark} then waits for {@code markAt} of them to be answered. */
    CompletableFuture<Load> start(List<Customer> customers, int markAt) {
        mark = new CountDownLatch(markAt);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger resent = new AtomicInteger();
        List<String> unexpected = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CompletableFuture<?>[] running = new CompletableFuture<?>[clients];
        for (int c = 0; c < clients; c++) {
            running[c] = CompletableFuture.runAsync(
                    () -> {
                        HttpClient http = client();
                        for (int i = next.getAndIncrement(); i < customers.size(); i = next.getAndIncrement()) {
                            Customer customer = customers.get(i);
                            for (int s = 0; s < STEPS.size(); s++) {
                                String problem = take(http, customer, STEPS.get(s), i + s, requests, resent);
                                if (problem != null) {
                                    unexpected.add(customer.orderId() + " step " + (s + 1) + ": " + problem);
                                    System.out.printf(
                                            "[fault] order %s, step %d: %s%n", customer.orderId(), s + 1, problem);
                                    break;
                                }
                                stepsDone.incrementAndGet();
                                mark.countDown();
                            }
                        }
                    },
                    pool);
        }
        return CompletableFuture.allOf(running)
                .whenComplete((done, failure) -> pool.shutdown())
                .thenApply(done -> new Load(requests.get(), resent.get(), List.copyOf(unexpected)));
    }

    static int steps(int customers) {
        return customers * STEPS.size();
    }

    boolean awaitMark(Duration wait) throws InterruptedException {
        return mark.await(wait.toMillis(), TimeUnit.MILLISECONDS);
    }

    int stepsDone() {
        return stepsDone.get();
    }

    /**
     * One step, starting on node {@code turn % 2}, on the next node after each non-answer: null
     * when answered as the step allows, otherwise what came back. A 409 naming the status the step
     * leads to counts as done only after a non-answer (the unanswered request had committed).
     */
    private String take(
            HttpClient http, Customer customer, Step step, int turn, AtomicInteger requests, AtomicInteger resent) {
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean unanswered = false;
        String last = null;
        for (int attempt = 0; System.nanoTime() < deadline; attempt++) {
            URI node = nodes.get((turn + attempt) % nodes.size());
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            node.resolve("/api/orders/" + customer.orderId() + step.path()))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + customer.token())
                    .POST(HttpRequest.BodyPublishers.ofString(step.body()));
            if (!step.body().isEmpty()) {
                request.header("Content-Type", "application/json");
            }
            requests.incrementAndGet();
            if (attempt > 0) {
                resent.incrementAndGet();
            }
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 500) {
                    unanswered = true;
                    last = response.statusCode() + " " + response.body();
                    continue;
                }
                String status = response.statusCode() == 409 ? "orderStatus" : "status";
                boolean allowed = response.statusCode() == 200 || response.statusCode() == 409 && unanswered;
                return allowed && step.status().equals(field(response.body(), status))
                        ? null
                        : response.statusCode() + " " + response.body();
            } catch (IOException e) {
                unanswered = true;
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e.toString();
            }
        }
        return "no node answered within " + timeout + ": " + last;
    }

    private Customer signUp(HttpClient http, String name, int i) {
        String email = "sequenced-" + name + "@example.com";
        String credentials = Json.createObjectBuilder()
                .add("email", email)
                .add("password", PASSWORD)
                .build()
                .toString();
        String registration = Json.createObjectBuilder()
                .add("email", email)
                .add("name", "Ada Lovelace")
                .add("password", PASSWORD)
                .build()
                .toString();
        HttpResponse<String> registered = post(http, nodes.get(i % nodes.size()).resolve("/api/users"), registration);
        HttpResponse<String> login =
                post(http, nodes.get((i + 1) % nodes.size()).resolve("/api/auth/login"), credentials);
        if (registered.statusCode() != 201 || login.statusCode() != 200) {
            throw new AssertionError("sign-up of " + email + ": " + registered.statusCode() + " " + registered.body()
                    + ", login " + login.statusCode() + " " + login.body());
        }
        return new Customer(email, field(registered.body(), "id"), null, field(login.body(), "token"));
    }

    private static HttpResponse<String> post(HttpClient http, URI uri, String json) {
        try {
            return http.send(
                    HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("POST " + uri + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String field(String json, String name) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject object = reader.readObject();
            return object.getString(name, null);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static HttpClient client() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
