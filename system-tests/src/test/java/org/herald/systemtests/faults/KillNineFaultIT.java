package org.herald.systemtests.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.herald.systemtests.faults.OrderLookup.Order;
import org.herald.systemtests.faults.RegistrationStream.Kind;
import org.herald.systemtests.faults.RegistrationStream.Outcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Herald's promise under kill -9: registrations stream in from concurrent
 * clients, the server JVM is SIGKILLed when about half have been answered,
 * restarted on the same database and broker (WildFly: the same base
 * directory, its broker journal inside; Payara Server: the same domain, the
 * standalone broker running on), and then no order is lost or doubled and no
 * user is left without its order. Runs only with {@code mvn -Pfaults verify
 * -pl system-tests -am}, on WildFly or with {@code -Dherald.runtime=payara};
 * see docs/operations.md.
 */
class KillNineFaultIT {

    private static final int REGISTRATIONS = Integer.getInteger("herald.faults.registrations", 2000);
    private static final int CLIENTS = Integer.getInteger("herald.faults.clients", 16);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration ORDERS_TIMEOUT = Duration.ofSeconds(120);

    private static HeraldServer server;

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void killNineUnderLoadLosesNothingAndDoublesNothing() throws Exception {
        long began = System.nanoTime();
        String runtime = System.getProperty("herald.runtime", "wildfly");
        String databaseName = System.getProperty("herald.db", "h2");
        Path base = Path.of(System.getProperty("herald.faults.base.dir"));
        Path ear = Path.of(System.getProperty("herald.ear"));
        server = switch (runtime) {
            case "wildfly" ->
                WildFlyProcess.prepare(
                        Path.of(System.getProperty("jboss.home")),
                        ear,
                        base,
                        FaultDatabase.serverEnvironment(databaseName));
            case "payara" -> {
                assumeTrue(
                        databaseName.equals("h2"),
                        "on Payara Server the kill -9 test runs on H2 only:"
                                + " the PostgreSQL pool names the suites' database, which the test must not empty");
                yield PayaraProcess.prepare(Path.of(System.getProperty("herald.payara.script")), ear, base);
            }
            default -> {
                assumeTrue(false, "no kill -9 test on " + runtime + " (WildFly and Payara Server only)");
                yield null;
            }
        };
        FaultDatabase database = FaultDatabase.of(databaseName, server.h2Database());
        database.prepare();
        database.checkServerConfiguration(server.configuration());
        Duration firstStart = server.start();
        log("Herald on %s up in %d ms, server pid %d", runtime, firstStart.toMillis(), server.pid());

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> emails = IntStream.range(0, REGISTRATIONS)
                .mapToObj(i -> "fault-" + run + "-" + i + "@example.com")
                .toList();
        RegistrationStream load = new RegistrationStream(server.http(), CLIENTS, REGISTRATIONS / 2);
        var loading = load.start(emails);
        assertTrue(load.awaitMark(LOAD_TIMEOUT), "half of the registrations answered within " + LOAD_TIMEOUT);
        int answeredAtKill = load.answered();
        long pid = server.pid();
        server.killNine();
        log("kill -9 of pid %d after %d answers; clients keep going", pid, answeredAtKill);
        List<Outcome> outcomes = loading.get(LOAD_TIMEOUT.toSeconds(), TimeUnit.SECONDS);

        DatabaseSnapshot atKill = database.read(); // what had committed: the server is down
        Duration timeToReady = server.start();
        log(
                "restarted in %d ms, server pid %d; %d users had committed",
                timeToReady.toMillis(), server.pid(), atKill.userIdByEmail().size());

        List<Outcome> again = RegistrationStream.retryUnanswered(server.http(), CLIENTS, outcomes, LOAD_TIMEOUT);
        Set<String> users = new HashSet<>(atKill.userIdByEmail().values());
        again.stream().filter(o -> o.kind() == Kind.CREATED).forEach(o -> users.add(o.userId()));
        Map<String, List<Order>> listed = new OrderLookup(server.http(), CLIENTS).awaitOrders(users, ORDERS_TIMEOUT);

        server.stop(); // a clean stop: H2 can then be read, and nothing changes behind the last look
        DatabaseSnapshot end = database.read();
        FaultVerdict verdict = FaultVerdict.judge(outcomes, answeredAtKill, atKill, again, listed, end, timeToReady);
        System.out.println(verdict.figures());
        log(
                "server logs: %s (%d ERROR or SEVERE lines); whole test %d s",
                server.logs(),
                errorLines(server.logs()),
                Duration.ofNanos(System.nanoTime() - began).toSeconds());

        assertAll(
                () -> assertTrue(verdict.created() > 0, "some registrations answered 201 before the kill"),
                () -> assertTrue(verdict.dropped() + verdict.refused() > 0, "the kill cut registrations off"),
                () -> assertEquals(0, verdict.lost(), "lost: answered 201 (or committed) but no user or no order"),
                () -> assertEquals(0, verdict.duplicates(), "users with more than one order"),
                () -> assertEquals(0, verdict.usersWithoutOrder(), "users without an order at the end"),
                () -> assertEquals(0, verdict.wrongOrders(), "orders not CREATED or not of the user asked for"),
                () -> assertEquals(0, verdict.userRegisteredNotOnce(), "users without exactly one user.registered"),
                () -> assertEquals(0, verdict.orderCreatedNotOnce(), "orders without exactly one order.created"),
                () -> assertEquals(
                        0,
                        verdict.reRegistrationMismatches(),
                        "re-registration disagreeing with what had committed (409 iff a user existed)"),
                () -> assertEquals(
                        0, verdict.errorsWithUser(), "registrations answered with an error that left a user"));
    }

    private static long errorLines(List<Path> logs) throws IOException {
        long count = 0;
        for (Path log : logs) {
            try (var lines = Files.lines(log, StandardCharsets.ISO_8859_1)) {
                count += lines.filter(line -> line.contains(" ERROR ") || line.contains("[SEVERE]"))
                        .count();
            }
        }
        return count;
    }

    private static void log(String format, Object... arguments) {
        System.out.printf("[fault] " + format + "%n", arguments);
    }
}
