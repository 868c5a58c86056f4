package org.herald.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.herald.systemtests.faults.OrderLookup.Order;
import org.herald.systemtests.faults.RegistrationStream.Kind;
import org.herald.systemtests.faults.RegistrationStream.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Two Herald nodes (WildFly, ports offset 200 and 300) on one PostgreSQL
 * database and one standalone Artemis broker: registrations stream into both,
 * the node holding the relay lease is killed with SIGKILL when a third of them
 * are answered, and then the other node holds the lease (in a later
 * generation) and every registration has exactly one order, whichever node
 * took it; the killed node restarts and stands by. Runs with {@code mvn
 * -Pfaults,postgres verify -pl system-tests -am}; see docs/scaling-out.md.
 */
class TwoNodeFailoverFaultIT {

    private static final int REGISTRATIONS = Integer.getInteger("herald.faults.registrations", 2000);
    private static final int CLIENTS = Integer.getInteger("herald.faults.clients", 16);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private static final List<WildFlyProcess> nodes = new ArrayList<>();
    private static StandaloneBroker broker;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @AfterAll
    static void stopAll() throws Exception {
        nodes.forEach(WildFlyProcess::stop);
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killNineOfTheRelayLeaderLosesNothingAndTheOtherNodeTakesOver() throws Exception {
        assumeTrue(
                "postgres".equals(System.getProperty("herald.db")),
                "needs -Ppostgres: two nodes share one database, which H2 in a file cannot be");
        assumeTrue(
                "wildfly".equals(System.getProperty("herald.faults.runtime", "wildfly")),
                "two WildFly nodes: the Payara pair is not built yet");
        broker = StandaloneBroker.running(Path.of(System.getProperty("herald.broker.script")));
        StandaloneBroker.drainOrderSubscription();
        FaultDatabase database = FaultDatabase.of("postgres", null);
        database.prepare();
        Path properties = Files.createTempFile("herald-broker", ".properties");
        Files.writeString(
                properties,
                "herald.broker.host=127.0.0.1\nherald.broker.port=61616\nherald.broker.password="
                        + StandaloneBroker.PASSWORD + "\n");
        for (String name : List.of("node-a", "node-b")) {
            WildFlyProcess node = WildFlyProcess.prepare(
                    Path.of(System.getProperty("jboss.home")),
                    Path.of(System.getProperty("herald.ear")),
                    Path.of(System.getProperty("herald.faults.base.dir") + "-" + name),
                    FaultDatabase.serverEnvironment("postgres"),
                    name.equals("node-a") ? 200 : 300,
                    name);
            node.configure(Path.of(System.getProperty("herald.remote.broker.cli")), properties);
            nodes.add(node);
        }
        WildFlyProcess a = nodes.get(0);
        WildFlyProcess b = nodes.get(1);
        log("node-a up in %d ms", a.start().toMillis());
        awaitLease(a, "leader");
        log("node-b up in %d ms", b.start().toMillis());
        awaitLease(b, "standby");
        WildFlyProcess leader = lease(a).getString("lease").equals("leader") ? a : b;
        WildFlyProcess survivor = leader == a ? b : a;
        long generationBefore = lease(leader).getJsonNumber("leaseGeneration").longValue();

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> toLeader = emails(run + "-l", REGISTRATIONS / 2);
        List<String> toSurvivor = emails(run + "-s", REGISTRATIONS / 2);
        RegistrationStream leaderLoad = new RegistrationStream(leader.http(), CLIENTS / 2, REGISTRATIONS / 6);
        RegistrationStream survivorLoad = new RegistrationStream(survivor.http(), CLIENTS / 2, 0);
        CompletableFuture<List<Outcome>> leaderOutcomes = leaderLoad.start(toLeader);
        CompletableFuture<List<Outcome>> survivorOutcomes = survivorLoad.start(toSurvivor);
        assertTrue(leaderLoad.awaitMark(TIMEOUT), "a third of the leader's registrations answered in " + TIMEOUT);
        int answeredAtKill = leaderLoad.answered() + survivorLoad.answered();
        long killed = System.nanoTime();
        leader.killNine();
        log("kill -9 of the relay leader after %d answers; clients keep going", answeredAtKill);
        awaitLease(survivor, "leader");
        Duration takeover = Duration.ofNanos(System.nanoTime() - killed);
        long generationAfter = lease(survivor).getJsonNumber("leaseGeneration").longValue();
        log("the other node holds the relay lease %d ms after the kill", takeover.toMillis());

        List<Outcome> outcomes = new ArrayList<>(leaderOutcomes.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        outcomes.addAll(survivorOutcomes.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS));
        DatabaseSnapshot afterLoad = database.read(); // the dead node's users are final now
        List<Outcome> again = RegistrationStream.retryUnanswered(survivor.http(), CLIENTS, outcomes, TIMEOUT);
        Set<String> users = new HashSet<>(afterLoad.userIdByEmail().values());
        again.stream().filter(o -> o.kind() == Kind.CREATED).forEach(o -> users.add(o.userId()));
        Map<String, List<Order>> listed = new OrderLookup(survivor.http(), CLIENTS).awaitOrders(users, TIMEOUT);

        Duration rejoined = leader.start();
        awaitLease(leader, "standby");
        log("the killed node restarted in %d ms and stands by", rejoined.toMillis());
        awaitLease(survivor, "leader");

        DatabaseSnapshot end = database.read();
        FaultVerdict verdict = FaultVerdict.judge(outcomes, answeredAtKill, afterLoad, again, listed, end, rejoined);
        System.out.println(verdict.figures());
        log(
                "relay lease: generation %d before, %d after the takeover (%d ms)",
                generationBefore, generationAfter, takeover.toMillis());

        assertAll(
                () -> assertTrue(verdict.created() > REGISTRATIONS / 2, "registrations answered 201"),
                () -> assertEquals(0, verdict.lost(), "lost: answered 201 (or committed) but no user or no order"),
                () -> assertEquals(0, verdict.duplicates(), "users with more than one order"),
                () -> assertEquals(0, verdict.usersWithoutOrder(), "users without an order at the end"),
                () -> assertEquals(0, verdict.wrongOrders(), "orders not CREATED or not of the user asked for"),
                () -> assertEquals(0, verdict.userRegisteredNotOnce(), "users without exactly one user.registered"),
                () -> assertEquals(0, verdict.orderCreatedNotOnce(), "orders without exactly one order.created"),
                () -> assertEquals(0, verdict.errorsWithUser(), "errors that left a user"),
                () -> assertEquals(generationBefore + 1, generationAfter, "the lease moved once"),
                () -> assertTrue(takeover.compareTo(Duration.ofSeconds(15)) < 0, "takeover within 15 s: " + takeover));
    }

    private static List<String> emails(String prefix, int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> "failover-" + prefix + "-" + i + "@example.com")
                .toList();
    }

    /** The relay check's data on this node's readiness: {@code lease} is {@code leader} or {@code standby}. */
    private JsonObject lease(WildFlyProcess node) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(node.management().resolve("/health/ready"))
                        .timeout(Duration.ofSeconds(10))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject().getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(check -> check.getString("name").equals("relay"))
                    .findFirst()
                    .map(check -> check.getJsonObject("data"))
                    .orElseThrow(() -> new AssertionError("no relay check in " + response.body()));
        }
    }

    private void awaitLease(WildFlyProcess node, String role) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = lease(node).getString("lease", "none");
            if (last.equals(role)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(node.http() + " is " + last + ", not " + role + ", after " + TIMEOUT);
    }

    private static void log(String format, Object... arguments) {
        System.out.printf("[fault] " + format + "%n", arguments);
    }
}
