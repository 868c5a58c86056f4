package org.herald.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.herald.systemtests.faults.OrderLookup.Order;
import org.herald.systemtests.faults.RegistrationStream.Kind;
import org.herald.systemtests.faults.RegistrationStream.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Herald's promise when its database goes away: registrations are refused
 * with a 503 problem+json (never a 500, never a hang), no event leaves,
 * readiness says DOWN, and Herald recovers by itself once the database is
 * back. The database is a PostgreSQL of the test's own ({@link OwnPostgres}),
 * stopped as a crash would stop it; Herald runs on a WildFly of its own
 * ({@link WildFlyProcess}). Runs with {@code mvn -Pfaults,postgres verify -pl
 * system-tests -am}; without {@code -Ppostgres} it is skipped (H2 runs inside
 * the server and cannot become unreachable on its own).
 */
class DatabaseOutageFaultIT {

    private static final int CLIENTS = Integer.getInteger("herald.faults.clients", 16);
    private static final int REGISTRATIONS_DURING_OUTAGE = 400;
    /** Far below the clients' 30 s timeout: a refusal is quick, not a wait for a connection. */
    private static final Duration REFUSED_WITHIN = Duration.ofSeconds(5);

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** How long the database stays away at least (as long as the broker in the broker outage test). */
    private static final Duration OUTAGE = Duration.ofSeconds(15);

    private static final String BROKER_URL = "tcp://127.0.0.1:" + WildFlyProcess.BROKER_PORT;

    private static OwnPostgres postgres;
    private static WildFlyProcess server;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterAll
    static void stopAll() throws Exception {
        if (server != null) {
            server.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void whileTheDatabaseIsDownRegistrationsGet503AndNoEventLeavesThenHeraldRecoversByItself() throws Exception {
        assumeTrue(
                "postgres".equals(System.getProperty("herald.db")),
                "needs -Ppostgres: H2 runs inside the server and cannot become unreachable on its own");
        assumeTrue(
                "wildfly".equals(System.getProperty("herald.runtime", "wildfly")),
                "on WildFly only: Payara's PostgreSQL pool is not pointed elsewhere by the environment");
        postgres = OwnPostgres.create();
        postgres.start();
        Path base = Path.of(System.getProperty("herald.faults.base.dir") + "-database-outage");
        server = WildFlyProcess.prepare(
                Path.of(System.getProperty("jboss.home")),
                Path.of(System.getProperty("herald.ear")),
                base,
                Map.of(
                        "HERALD_DB_PORT",
                        String.valueOf(OwnPostgres.PORT),
                        "HERALD_DB_NAME",
                        OwnPostgres.DATABASE,
                        "HERALD_DB_USER",
                        OwnPostgres.USER));
        FaultDatabase.of("postgres", server.h2Database()).checkServerConfiguration(server.configuration());
        server.start();
        String run = UUID.randomUUID().toString().substring(0, 8);

        try (ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(BROKER_URL);
                JMSContext client = factory.createContext("herald-client", "herald-client-1");
                JMSConsumer userEvents = client.createConsumer(client.createTopic("jms.topic.user.events"))) {
            String before = createdId(register("before-" + run + "@example.com"));
            assertNotNull(receiveUntil(userEvents, subject(before)), "user.registered before the outage");

            postgres.stopImmediately();
            long down = System.nanoTime();
            log("database stopped");
            await(
                    () -> get(server.management().resolve("/health/ready")),
                    response -> response.statusCode() == 503 && response.body().contains("\"DOWN\""),
                    "readiness DOWN");

            long sent = System.nanoTime();
            HttpResponse<String> refused = register("outage-" + run + "-first@example.com");
            Duration took = Duration.ofNanos(System.nanoTime() - sent);
            List<String> emails = IntStream.range(0, REGISTRATIONS_DURING_OUTAGE)
                    .mapToObj(i -> "outage-" + run + "-" + i + "@example.com")
                    .toList();
            long streamed = System.nanoTime();
            List<Outcome> outcomes = new RegistrationStream(server.http(), CLIENTS, 0)
                    .start(emails)
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            Duration streamTook = Duration.ofNanos(System.nanoTime() - streamed);
            List<Outcome> not503 = new ArrayList<>(outcomes.stream()
                    .filter(o -> o.kind() != Kind.ERROR || o.status() != 503)
                    .toList());
            // then one client goes on until the outage has lasted OUTAGE
            int more = 0;
            for (; System.nanoTime() - down < OUTAGE.toNanos(); more++) {
                HttpResponse<String> response = register("outage-" + run + "-more-" + more + "@example.com");
                if (response.statusCode() != 503) {
                    not503.add(new Outcome("more-" + more, Kind.ERROR, response.statusCode(), null, response.body()));
                }
                Thread.sleep(100);
            }
            Message leaked = userEvents.receive(1000);
            log(
                    "%d registrations from %d clients during the outage in %d ms, then %d more until %d s down:"
                            + " %d answered other than 503",
                    outcomes.size(), CLIENTS, streamTook.toMillis(), more, OUTAGE.toSeconds(), not503.size());
            assertAll(
                    () -> assertEquals(503, refused.statusCode(), refused.body()),
                    () -> assertEquals(
                            "application/problem+json",
                            refused.headers().firstValue("Content-Type").orElse("")),
                    () -> assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "Retry-After"),
                    () -> assertEquals(503, object(refused.body()).getInt("status")),
                    () -> assertTrue(took.compareTo(REFUSED_WITHIN) < 0, "refused after " + took),
                    () -> assertEquals(List.of(), not503.stream().limit(5).toList(), "answers other than 503"),
                    () -> assertEquals(
                            null, leaked == null ? null : body(leaked), "an event left while the database was down"));

            postgres.start();
            long back = System.nanoTime();
            log(
                    "database started again after %d s",
                    Duration.ofNanos(back - down).toSeconds());
            HttpResponse<String> accepted = await(
                    () -> register("after-" + run + "@example.com"),
                    response -> response.statusCode() != 503,
                    "a registration accepted again");
            log(
                    "Herald accepted a registration %d ms after the database came back",
                    Duration.ofNanos(System.nanoTime() - back).toMillis());
            String after = createdId(accepted);
            List<Message> untilAfter = receiveUntil(userEvents, subject(after));
            assertNotNull(untilAfter, "user.registered after the outage");
            Map<String, List<Order>> orders =
                    new OrderLookup(server.http(), 2).awaitOrders(List.of(before, after), TIMEOUT);
            await(
                    () -> get(server.management().resolve("/health/ready")),
                    response -> response.statusCode() == 200,
                    "readiness UP");

            Set<String> stored;
            try (Connection connection = postgres.connect()) {
                stored = DatabaseSnapshot.read(connection).userIdByEmail().keySet();
            }
            assertAll(
                    () -> assertEquals(1, orders.get(before).size(), "orders of the user registered before"),
                    () -> assertEquals(1, orders.get(after).size(), "orders of the user registered after"),
                    () -> assertEquals(
                            List.of(),
                            stored.stream()
                                    .filter(email -> email.startsWith("outage-"))
                                    .toList(),
                            "users stored from refused registrations"),
                    () -> assertEquals(
                            List.of(),
                            untilAfter.stream()
                                    .map(DatabaseOutageFaultIT::body)
                                    .filter(body -> body.contains("outage-" + run))
                                    .toList(),
                            "events of refused registrations"));
        }
    }

    private HttpResponse<String> register(String email) throws IOException, InterruptedException {
        String body = Json.createObjectBuilder()
                .add("email", email)
                .add("name", "Grace Hopper")
                .add("password", "correct-horse-battery")
                .build()
                .toString();
        return http.send(
                HttpRequest.newBuilder(server.http().resolve("/api/users"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String createdId(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return object(response.body()).getString("id");
    }

    private static JsonObject object(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** Messages received until one matches, in arrival order; {@code null} if none matched in time. */
    private static List<Message> receiveUntil(JMSConsumer consumer, Predicate<Message> last) {
        List<Message> seen = new ArrayList<>();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Message message = consumer.receive(250);
            if (message != null) {
                seen.add(message);
                if (last.test(message)) {
                    return seen;
                }
            }
        }
        return null;
    }

    private static String body(Message message) {
        try {
            return message.getBody(String.class);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<Message> subject(String subject) {
        return message -> {
            try {
                return subject.equals(message.getStringProperty("cloudEvents_subject"));
            } catch (JMSException e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private interface Call {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** Calls until the answer satisfies {@code done}; fails at the deadline with the last answer. */
    private static HttpResponse<String> await(Call call, Predicate<HttpResponse<String>> done, String what)
            throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = call.send();
                if (done.test(response)) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(250);
        }
        throw new AssertionError(what + ": not within " + TIMEOUT + "; last: " + last);
    }

    private static void log(String format, Object... arguments) {
        System.out.printf("[fault] " + format + "%n", arguments);
    }
}
