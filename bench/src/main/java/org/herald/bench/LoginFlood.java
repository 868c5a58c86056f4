package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Keeps password hashing busy: a few users registered once, then closed-loop
 * clients logging them in with their right password as fast as the server
 * answers (every login verifies a hash; a full hashing queue answers 503).
 * Measures the logins too: how many per second, how many refused, and the
 * latency of the successful ones.
 */
final class LoginFlood implements AutoCloseable {

    private static final String PASSWORD = "correct-horse-battery";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final URI login;
    private final List<String> emails = new ArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private final Histogram latency = Latency.histogram();
    private final AtomicLong ok = new AtomicLong();
    private final AtomicLong busy = new AtomicLong();
    private final AtomicLong other = new AtomicLong();
    private volatile boolean running = true;
    private long started;

    /** Registers one user per client (each registration hashes once, outside the measurement). */
    LoginFlood(String base, int clientCount, String tag) throws Exception {
        login = URI.create(base + "/api/auth/login");
        for (int i = 0; i < clientCount; i++) {
            String email = "flood-" + tag + "-" + i + "@bench.example";
            HttpResponse<String> created = http.send(
                    json(
                            URI.create(base + "/api/users"),
                            Json.createObjectBuilder()
                                    .add("email", email)
                                    .add("name", "Flood")
                                    .add("password", PASSWORD)
                                    .build()),
                    HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201) {
                throw new IllegalStateException(
                        "flood user " + email + ": " + created.statusCode() + " " + created.body());
            }
            emails.add(email);
        }
    }

    void start() {
        started = System.nanoTime();
        for (String email : emails) {
            Thread client = new Thread(() -> loop(email), "login-flood-" + clients.size());
            client.start();
            clients.add(client);
        }
    }

    private void loop(String email) {
        HttpRequest request = json(
                login,
                Json.createObjectBuilder()
                        .add("email", email)
                        .add("password", PASSWORD)
                        .build());
        while (running) {
            long sent = System.nanoTime();
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding())
                        .statusCode();
                if (status == 200) {
                    ok.incrementAndGet();
                    synchronized (latency) {
                        Latency.recordNanos(latency, System.nanoTime() - sent);
                    }
                } else if (status == 503) {
                    busy.incrementAndGet();
                } else {
                    other.incrementAndGet();
                }
            } catch (Exception e) {
                other.incrementAndGet();
            }
        }
    }

    /** Stops the clients; what the logins did meanwhile. */
    JsonObject stop() throws InterruptedException {
        running = false;
        for (Thread client : clients) {
            client.join(Duration.ofSeconds(30).toMillis());
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        synchronized (latency) {
            return Json.createObjectBuilder()
                    .add("clients", clients.size())
                    .add("seconds", ProcSampler.round(seconds))
                    .add("logins_ok", ok.get())
                    .add("logins_per_s", ProcSampler.round(ok.get() / seconds))
                    .add("refused_503", busy.get())
                    .add("other_answers", other.get())
                    .add("latency_ok", Latency.summary(latency))
                    .build();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop();
        }
    }

    private static HttpRequest json(URI uri, JsonObject body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
    }
}
