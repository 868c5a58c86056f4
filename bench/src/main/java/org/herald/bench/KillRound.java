package org.herald.bench;

import jakarta.jms.Connection;
import jakarta.jms.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * One round of kill -9 during a drain: pause the subscription (JMX), pre-load
 * {@code count} new users' {@code user.registered}, resume, and when a random
 * share of them (15-85 %) has been applied, SIGKILL the bench's own server by
 * its PID and wait until it is gone. bench/run then restarts the server the
 * same way and runs the next round; {@link KillVerify} checks the outcome.
 *
 * <p>The first round creates the external subscriber's shared durable
 * subscription on {@code order.events}: every order.created is kept for
 * {@link KillVerify} across the kills.
 */
final class KillRound {

    static final String DURABLE_SUBSCRIPTION = "bench-kill-orders";

    private KillRound() {}

    static void run(Args args) throws Exception {
        PhaseContext ctx = new PhaseContext(args);
        int round = args.getInt("round", 1);
        int count = args.getInt("count", 5000);
        Path published = ctx.phases().resolve("kill-published.txt");
        if (round == 1) {
            try (Connection connection = ctx.factory().createConnection(Broker.CLIENT_USER, Broker.CLIENT_PASSWORD)) {
                Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
                session.createSharedDurableConsumer(
                                session.createTopic(Broker.address("order.events")),
                                DURABLE_SUBSCRIPTION,
                                "cloudEvents_type = 'order.created'")
                        .close();
            }
        }
        ProcessHandle server = ProcessHandle.of(ctx.serverPid())
                .orElseThrow(() -> new IllegalStateException("no server process " + ctx.serverPid()));
        double share = 0.15 + 0.7 * ThreadLocalRandom.current().nextDouble(); // a new moment each run
        long applied = 0;
        try (ServerJmx jmx = ctx.jmx()) {
            SubscriptionControl subscription = new SubscriptionControl(jmx);
            subscription.pause();
            Preload preload = Preload.newUsers(
                    ctx.factory(),
                    ctx.user(),
                    ctx.password(),
                    Broker.address("user.events"),
                    new Registrations(ctx.userServiceSource(), "kill" + round + "-" + ctx.tag()),
                    count);
            StringBuilder lines = new StringBuilder();
            preload.published()
                    .forEach(p ->
                            lines.append(p.id()).append(' ').append(p.subject()).append('\n'));
            Files.writeString(published, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            long target = Math.round(count * share);
            long before = subscription.applied();
            subscription.resume();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while ((applied = subscription.applied() - before) < target && System.nanoTime() < deadline) {
                LockSupport.parkNanos(2_000_000L);
            }
        }
        JsonObject relay = ctx.health().check("relay");
        server.destroyForcibly(); // SIGKILL, our own server only (its PID from bench/run)
        boolean gone = server.onExit()
                .toCompletableFuture()
                .completeOnTimeout(null, 30, TimeUnit.SECONDS)
                .thenApply(h -> !server.isAlive())
                .join();
        JsonObject result = Json.createObjectBuilder()
                .add("round", round)
                .add("events", count)
                .add("kill_at_share", ProcSampler.round(share))
                .add("applied_at_kill", applied)
                .add("relay_unpublished_just_before_kill", Health.number(relay, "unpublished"))
                .add("server_pid", ctx.serverPid())
                .add("server_gone", gone)
                .build();
        JsonFiles.write(ctx.phases().resolve("kill-round-" + round + ".json"), result);
        System.out.printf(
                "kill round %d: %d events, SIGKILL to pid %d after %d applied (%.0f %%), relay backlog then %d%n",
                round, count, ctx.serverPid(), applied, 100.0 * applied / count, Health.number(relay, "unpublished"));
    }
}
