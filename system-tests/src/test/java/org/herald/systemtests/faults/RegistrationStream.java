package org.herald.systemtests.faults;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Registrations ({@code POST /api/users}) from a number of concurrent clients,
 * each with its own HTTP connection, until every email has been tried once:
 * what each email got back is recorded, whether or not the server is alive.
 * The test can wait for a number of answers (its moment to kill the server).
 */
final class RegistrationStream {

    /** What one registration got. */
    enum Kind {
        /** 201, with the user's id. */
        CREATED,
        /** an HTTP status other than 201 (409 when the email was taken). */
        ERROR,
        /** the connection failed after the request may have reached the server: no answer, outcome unknown. */
        DROPPED,
        /** no connection at all: the request never reached the server. */
        REFUSED
    }

    record Outcome(String email, Kind kind, int status, String userId, String detail) {}

    private static final String PASSWORD = "correct-horse-battery";

    private final URI users;
    private final int clients;
    private final AtomicInteger answered = new AtomicInteger();
    private final CountDownLatch mark;

    /** {@code markAt}: the number of answers (of any kind) {@link #awaitMark} waits for. */
    RegistrationStream(URI base, int clients, int markAt) {
        this.users = base.resolve("/api/users");
        this.clients = clients;
        this.mark = new CountDownLatch(markAt);
    }

    /** Starts the clients; the result completes when every email has been tried, in the order of {@code emails}. */
    CompletableFuture<List<Outcome>> start(List<String> emails) {
        Outcome[] outcomes = new Outcome[emails.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CompletableFuture<?>[] running = new CompletableFuture<?>[clients];
        for (int c = 0; c < clients; c++) {
            running[c] = CompletableFuture.runAsync(
                    () -> {
                        HttpClient http = HttpClient.newBuilder()
                                .version(HttpClient.Version.HTTP_1_1)
                                .connectTimeout(Duration.ofSeconds(5))
                                .build();
                        for (int i = next.getAndIncrement(); i < outcomes.length; i = next.getAndIncrement()) {
                            outcomes[i] = register(http, emails.get(i));
                            answered.incrementAndGet();
                            mark.countDown();
                        }
                    },
                    pool);
        }
        return CompletableFuture.allOf(running)
                .whenComplete((done, failure) -> pool.shutdown())
                .thenApply(done -> Arrays.asList(outcomes));
    }

    /**
     * Registers again, on {@code base}, every email of {@code outcomes} that was not answered
     * 201: a 409 then says its user had committed after all, a 201 that it had not.
     */
    static List<Outcome> retryUnanswered(URI base, int clients, List<Outcome> outcomes, Duration timeout)
            throws Exception {
        List<String> unanswered = outcomes.stream()
                .filter(o -> o.kind() != Kind.CREATED)
                .map(Outcome::email)
                .toList();
        return new RegistrationStream(base, clients, 0).start(unanswered).get(timeout.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits until {@code markAt} registrations have been answered; false at the deadline. */
    boolean awaitMark(Duration timeout) throws InterruptedException {
        return mark.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    int answered() {
        return answered.get();
    }

    private Outcome register(HttpClient http, String email) {
        String body = Json.createObjectBuilder()
                .add("email", email)
                .add("name", "Grace Hopper")
                .add("password", PASSWORD)
                .build()
                .toString();
        HttpRequest request = HttpRequest.newBuilder(users)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
                    return new Outcome(
                            email, Kind.CREATED, 201, reader.readObject().getString("id"), null);
                }
            }
            return new Outcome(email, Kind.ERROR, response.statusCode(), null, response.body());
        } catch (ConnectException e) {
            return new Outcome(email, Kind.REFUSED, 0, null, e.toString());
        } catch (IOException e) {
            return new Outcome(email, Kind.DROPPED, 0, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(email, Kind.DROPPED, 0, null, e.toString());
        }
    }
}
