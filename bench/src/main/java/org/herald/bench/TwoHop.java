package org.herald.bench;

import jakarta.jms.Connection;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The two-hop raw baseline, the like-for-like limit of a consume-and-produce
 * pipeline: the same messages as the drain (same size) pre-loaded on
 * {@code jms.topic.bench.raw}, then {@code artemis transfer} moves them from a
 * shared durable subscription of it to {@code jms.topic.bench.hop2},
 * committing every 100, and a subscriber of hop2 (non-durable, auto
 * acknowledge, like the drain's) times them to the last one.
 */
final class TwoHop {

    static final String SOURCE = "jms.topic.bench.raw";
    static final String TARGET = "jms.topic.bench.hop2";
    static final String SUBSCRIPTION = "bench-transfer";
    static final int COMMIT_INTERVAL = 100;

    private TwoHop() {}

    static void run(Args args) throws Exception {
        PhaseContext ctx = new PhaseContext(args);
        int count = args.getInt("count", 20_000);
        Path artemis = Path.of(args.get("artemis"));
        ActiveMQConnectionFactory factory = ctx.factory();
        AtomicLong arrived = new AtomicLong();
        AtomicLong first = new AtomicLong();
        AtomicLong last = new AtomicLong();
        try (Connection connection = factory.createConnection(ctx.user(), ctx.password())) {
            Session session = connection.createSession(Session.AUTO_ACKNOWLEDGE);
            // the transfer's source subscription must exist before the messages arrive
            session.createSharedDurableConsumer(session.createTopic(SOURCE), SUBSCRIPTION)
                    .close();
            MessageConsumer hop2 = session.createConsumer(session.createTopic(TARGET));
            hop2.setMessageListener(message -> {
                long now = System.nanoTime();
                first.compareAndSet(0, now);
                last.set(now);
                arrived.incrementAndGet();
            });
            connection.start();
            Preload preload = Preload.newUsers(
                    factory,
                    ctx.user(),
                    ctx.password(),
                    SOURCE,
                    new Registrations(ctx.userServiceSource(), "twohop-" + ctx.tag()),
                    count);
            ProcSampler proc = new ProcSampler(ctx.serverPid());
            long start = System.nanoTime();
            Process transfer = transfer(
                    artemis, args.get("broker"), ctx, count, ctx.phases().resolveSibling("two-hop-transfer.out"));
            awaitArrivals(arrived, count, transfer, start + TimeUnit.SECONDS.toNanos(Math.max(120, count / 100)));
            JsonObject server = proc.result();
            boolean exited = transfer.waitFor(60, TimeUnit.SECONDS);
            if (!exited) {
                transfer.destroyForcibly();
            }
            long done = arrived.get();
            double seconds = (last.get() - start) / 1e9;
            double firstToLast = (last.get() - first.get()) / 1e9;
            JsonObject result = Json.createObjectBuilder()
                    .add("tool", "artemis transfer 2.40.0 (apache-artemis distribution), CORE protocol")
                    .add(
                            "method",
                            count + " messages pre-loaded on " + SOURCE + " (the drain's user.registered, same size)"
                                    + " in transactions of " + Preload.PER_TRANSACTION
                                    + "; artemis transfer from its shared durable"
                                    + " subscription " + SUBSCRIPTION + " to " + TARGET + ", --commit-interval "
                                    + COMMIT_INTERVAL
                                    + "; a non-durable auto-acknowledge subscriber of " + TARGET
                                    + " times the last arrival")
                    .add("messages", count)
                    .add("message_bytes", preload.messageBytes())
                    .add("received", done)
                    .add("seconds_including_tool_start", ProcSampler.round(seconds))
                    .add("msgs_per_s_including_tool_start", ProcSampler.round(done / seconds))
                    .add("msgs_per_s", ProcSampler.round((done - 1) / firstToLast))
                    .add(
                            "msgs_per_s_note",
                            "first to last arrival at the hop2 subscriber: leaves out the transfer"
                                    + " tool's JVM start")
                    .add("server_cpu_ms_per_msg", Pipeline.cpuMsPerEvent(server, done))
                    .add("transfer_exit", exited ? transfer.exitValue() : -1)
                    .add("server", server)
                    .build();
            JsonFiles.write(ctx.phases().resolve("two-hop.json"), result);
            System.out.printf(
                    "two-hop raw: %d of %d messages, %.0f msgs/s first->last (%.0f/s with the tool's start),"
                            + " server CPU %s ms/msg%n",
                    done, count, (done - 1) / firstToLast, done / seconds, result.get("server_cpu_ms_per_msg"));
        }
    }

    private static Process transfer(Path artemis, String url, PhaseContext ctx, int count, Path out) throws Exception {
        return new ProcessBuilder(List.of(
                        artemis.toString(),
                        "transfer",
                        "--silent",
                        "--source-url",
                        url,
                        "--source-user",
                        ctx.user(),
                        "--source-password",
                        ctx.password(),
                        "--source-topic",
                        SOURCE,
                        "--shared-durable-subscription",
                        SUBSCRIPTION,
                        "--target-url",
                        url,
                        "--target-user",
                        ctx.user(),
                        "--target-password",
                        ctx.password(),
                        "--target-topic",
                        TARGET,
                        "--commit-interval",
                        String.valueOf(COMMIT_INTERVAL),
                        "--message-count",
                        String.valueOf(count),
                        "--receive-timeout",
                        "5000"))
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
    }

    /** Until {@code count} arrived, the deadline passed, or the transfer ended and nothing came for 5 s. */
    private static void awaitArrivals(AtomicLong arrived, int count, Process transfer, long deadline) {
        long lastChange = System.nanoTime();
        long seen = 0;
        while (arrived.get() < count && System.nanoTime() < deadline) {
            LockSupport.parkNanos(5_000_000L);
            long now = System.nanoTime();
            if (arrived.get() != seen) {
                seen = arrived.get();
                lastChange = now;
            } else if (!transfer.isAlive() && now - lastChange > TimeUnit.SECONDS.toNanos(5)) {
                return;
            }
        }
    }
}
