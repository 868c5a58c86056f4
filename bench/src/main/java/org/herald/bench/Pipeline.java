package org.herald.bench;

import io.cloudevents.CloudEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import org.HdrHistogram.Histogram;

/**
 * Publish-to-effect latency at a fixed rate, open loop: the bench publishes
 * new users' {@code user.registered} on {@code jms.topic.user.events}, one per
 * JMS transaction from {@value #SENDERS} publishers, at half the drain's
 * maximum (capped by {@code --max-rate}); each event's latency runs from its
 * intended publish time to its {@code order.created} reaching the external
 * subscriber. No HTTP, no password hashing — unless {@code --login-flood N}:
 * then N clients log in meanwhile as fast as the server answers
 * ({@link LoginFlood}), keeping password hashing busy, and the phase is
 * written under {@code --name} to set beside the one without. With {@code
 * --until-jit-settles MAX} the phase runs in slices of {@value #SLICE_SECONDS}
 * s until the server's JIT compilers spent less than 5 % of a slice compiling
 * (JMX {@code java.lang:type=Compilation}), at most MAX seconds: a warm-up
 * that ends when the server is warm, not when a timer says so.
 */
final class Pipeline {

    private static final int SENDERS = 8;
    private static final int SLICE_SECONDS = 5;

    private Pipeline() {}

    static void run(Args args) throws Exception {
        PhaseContext ctx = new PhaseContext(args);
        double seconds = args.getDouble("seconds", 10);
        String name = args.get("name", "pipeline");
        int floodClients = args.getInt("login-flood", 0);
        double drainRate = Double.parseDouble(
                Files.readString(ctx.phases().resolve("drain-rate.txt")).trim());
        double rate = Math.max(10, Math.min(args.getDouble("max-rate", 2000), Math.floor(drainRate * 0.5 / 10) * 10));
        Registrations registrations = new Registrations(ctx.userServiceSource(), "rate-" + ctx.tag());
        Map<String, long[]> pending = new ConcurrentHashMap<>();
        Histogram fromIntended = Latency.histogram();
        Histogram fromCommit = Latency.histogram();
        AtomicLong sequence = new AtomicLong();
        try (OrderCreatedArrivals arrivals = new OrderCreatedArrivals(ctx.factory(), (cause, nanos) -> {
            long[] times = pending.remove(cause);
            if (times != null) {
                synchronized (fromIntended) {
                    Latency.recordNanos(fromIntended, nanos - times[0]);
                    // an order.created can overtake the publisher's return from commit: no commit time yet
                    if (times[1] != 0) {
                        Latency.recordNanos(fromCommit, nanos - times[1]);
                    }
                }
            }
        })) {
            LoginFlood flood = floodClients > 0 ? new LoginFlood(args.get("http"), floodClients, ctx.tag()) : null;
            if (flood != null) {
                flood.start();
            }
            ProcSampler proc = new ProcSampler(ctx.serverPid());
            BlockingQueue<Long> due = new ArrayBlockingQueue<>(1_000_000);
            List<Thread> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                Thread sender =
                        new Thread(() -> publish(ctx, registrations, due, pending, sequence), "rate-publisher-" + s);
                sender.start();
                senders.add(sender);
            }
            long start = System.nanoTime();
            double untilSettled = args.getDouble("until-jit-settles", 0);
            long sent = untilSettled > 0
                    ? runUntilJitSettles(ctx, rate, untilSettled, due::add)
                    : OpenLoop.run(rate, seconds, due::add);
            for (int s = 0; s < SENDERS; s++) {
                due.add(Long.MIN_VALUE);
            }
            for (Thread sender : senders) {
                sender.join(TimeUnit.MINUTES.toMillis(2));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!pending.isEmpty() && System.nanoTime() < deadline) {
                LockSupport.parkNanos(10_000_000L);
            }
            JsonObject server = proc.result();
            JsonObject logins = flood == null ? null : flood.stop();
            long completed = fromIntended.getTotalCount();
            JsonObject latency = Latency.summary(fromIntended);
            var result = Json.createObjectBuilder()
                    .add(
                            "method",
                            "open loop: new users' user.registered on jms.topic.user.events, one per JMS"
                                    + " transaction, " + SENDERS
                                    + " publishers; latency from each event's intended publish time"
                                    + " to its order.created at the external subscriber")
                    .add(
                            "rate_rule",
                            "half the drain's events/s (" + (long) drainRate + "), at most "
                                    + (long) args.getDouble("max-rate", 2000))
                    .add("rate_events_per_s", rate)
                    .add("seconds", seconds)
                    .add("events", sent)
                    .add("completed", completed)
                    .add("missing", pending.size())
                    .add(
                            "achieved_events_per_s",
                            ProcSampler.round(completed / ((arrivals.lastArrival() - start) / 1e9)))
                    .add("server_cpu_ms_per_event", cpuMsPerEvent(server, completed))
                    .add("latency", latency)
                    .add("latency_from_commit", Latency.summary(fromCommit))
                    .add("server", server);
            if (logins != null) {
                result.add("login_flood", logins);
            }
            JsonFiles.write(ctx.phases().resolve(name + ".json"), result.build());
            if (flood == null && name.equals("pipeline")) {
                Files.writeString(ctx.phases().resolve("pipeline-rate.txt"), String.valueOf((int) rate));
            }
            System.out.printf(
                    "%s at %.0f/s: p50 %s ms, p99 %s ms, p99.9 %s ms, missing %d, server CPU %s ms/event%n",
                    name,
                    rate,
                    latency.get("p50"),
                    latency.get("p99"),
                    latency.get("p99_9"),
                    pending.size(),
                    cpuMsPerEvent(server, completed));
            if (logins != null) {
                System.out.printf(
                        "  meanwhile %d login clients: %s logins/s, %d refused (503), login p50 %s ms, p99 %s ms%n",
                        floodClients,
                        logins.get("logins_per_s"),
                        logins.getJsonNumber("refused_503").longValue(),
                        logins.getJsonObject("latency_ok").get("p50"),
                        logins.getJsonObject("latency_ok").get("p99"));
            }
        }
    }

    private static void publish(
            PhaseContext ctx,
            Registrations registrations,
            BlockingQueue<Long> due,
            Map<String, long[]> pending,
            AtomicLong sequence) {
        try (Publisher publisher =
                new Publisher(ctx.factory(), ctx.user(), ctx.password(), Broker.address("user.events"))) {
            while (true) {
                long intended = due.take();
                if (intended == Long.MIN_VALUE) {
                    return;
                }
                CloudEvent event = registrations.newUser(sequence.incrementAndGet());
                long[] times = {intended, 0};
                pending.put(event.getId(), times);
                publisher.send(event);
                publisher.commit();
                times[1] = System.nanoTime();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Open-loop slices until a slice's compilation time is under 5 % of it, or {@code maxSeconds} passed. */
    private static long runUntilJitSettles(PhaseContext ctx, double rate, double maxSeconds, LongConsumer fire)
            throws Exception {
        try (ServerJmx jmx = ctx.jmx()) {
            long sent = 0;
            long began = System.nanoTime();
            long compiled = compilationMillis(jmx);
            while (true) {
                sent += OpenLoop.run(rate, SLICE_SECONDS, fire);
                long now = compilationMillis(jmx);
                double share = (now - compiled) / (SLICE_SECONDS * 1000.0);
                compiled = now;
                double elapsed = (System.nanoTime() - began) / 1e9;
                if (share < 0.05 || elapsed >= maxSeconds) {
                    System.out.printf(
                            "warm-up: %.0f s, JIT compiling %.0f %% of the last %d s%n",
                            elapsed, share * 100, SLICE_SECONDS);
                    return sent;
                }
            }
        }
    }

    private static long compilationMillis(ServerJmx jmx) throws Exception {
        return ((Number) jmx.attribute("java.lang:type=Compilation", "TotalCompilationTime")).longValue();
    }

    /** Server CPU time per completed event: less sensitive to a busy machine than throughput. */
    static double cpuMsPerEvent(JsonObject proc, long events) {
        double cpu = proc.getJsonNumber("cpu_avg_percent").doubleValue();
        double seconds = proc.getJsonNumber("seconds").doubleValue();
        return events <= 0 || cpu < 0 ? -1 : ProcSampler.round(cpu / 100 * seconds * 1000 / events);
    }
}
