package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Files;
import java.util.List;

/**
 * The drain: with the order service's subscription paused (JMX), the bench
 * pre-loads {@code count} {@code user.registered} on {@code jms.topic.user.events}
 * in big transactions, resumes the subscription and times until the last
 * {@code order.created} reaches an external subscriber. Herald's whole spine
 * at full speed: batched subscription (dedup, orders, events stored), relay,
 * topic.
 */
final class Drain {

    private Drain() {}

    static void run(Args args) throws Exception {
        PhaseContext ctx = new PhaseContext(args);
        int count = args.getInt("count", 20_000);
        Registrations registrations = new Registrations(ctx.userServiceSource(), "drain-" + ctx.tag());
        try (ServerJmx jmx = ctx.jmx();
                OrderCreatedArrivals arrivals = new OrderCreatedArrivals(ctx.factory(), (cause, nanos) -> {})) {
            SubscriptionControl subscription = new SubscriptionControl(jmx);
            subscription.pause();
            Preload preload = Preload.newUsers(
                    ctx.factory(), ctx.user(), ctx.password(), Broker.address("user.events"), registrations, count);
            List<String> ids = preload.ids();
            arrivals.reset();
            ProcSampler proc = new ProcSampler(ctx.serverPid());
            DrainSampler sampler = new DrainSampler(subscription, ctx.health());
            long resumed = System.nanoTime();
            subscription.resume();
            long missing = arrivals.await(ids, Math.max(120, count / 100));
            JsonObject sampled = sampler.result();
            JsonObject server = proc.result();
            long done = ids.size() - missing;
            double seconds = (arrivals.lastArrival() - resumed) / 1e9;
            double firstToLast = (arrivals.lastArrival() - arrivals.firstArrival()) / 1e9;
            double rate = done / seconds;
            JsonObject result = Json.createObjectBuilder()
                    .add(
                            "method",
                            "subscription " + SubscriptionControl.SUBSCRIPTION + " paused over JMX; " + count
                                    + " user.registered (EventEnvelope + CloudEventMessages, new users) published on"
                                    + " jms.topic.user.events in transactions of " + Preload.PER_TRANSACTION
                                    + "; resumed;"
                                    + " timed from the resume to the last order.created at an external subscriber")
                    .add("events", count)
                    .add("message_bytes", preload.messageBytes())
                    .add("preload_seconds", ProcSampler.round(preload.seconds()))
                    .add("preload_events_per_s", ProcSampler.round(count / preload.seconds()))
                    .add("completed", done)
                    .add("missing", missing)
                    .add("orders_made_twice", arrivals.secondOrders())
                    .add("order_created_deliveries", arrivals.deliveries())
                    .add("seconds", ProcSampler.round(seconds))
                    .add("events_per_s", ProcSampler.round(rate))
                    .add("events_per_s_first_to_last_arrival", ProcSampler.round((done - 1) / firstToLast))
                    .add("server_cpu_ms_per_event", Pipeline.cpuMsPerEvent(server, done))
                    .add("subscription_duplicates_skipped", subscription.duplicates())
                    .add("sampled", sampled)
                    .add("server", server)
                    .build();
            JsonFiles.write(ctx.phases().resolve("drain.json"), result);
            Files.writeString(ctx.phases().resolve("drain-rate.txt"), String.valueOf((long) rate));
            System.out.printf(
                    "drain: %d events in %.2f s = %.0f events/s (first->last %.0f/s), server CPU %s ms/event,"
                            + " subscription batches %s, relay batches %s, relay lag p50/max %d/%d ms, missing %d%n",
                    count,
                    seconds,
                    rate,
                    (done - 1) / firstToLast,
                    result.get("server_cpu_ms_per_event"),
                    brief(sampled.getJsonObject("subscription_batch_sizes")),
                    brief(sampled.getJsonObject("relay_batch_sizes")),
                    sampled.getJsonObject("relay_oldest_unpublished_age_ms").getInt("p50"),
                    sampled.getJsonObject("relay_oldest_unpublished_age_ms").getInt("max"),
                    missing);
        }
    }

    static String brief(JsonObject samples) {
        return "mean " + samples.get("mean") + " p50 " + samples.get("p50") + " max " + samples.get("max") + " ("
                + samples.get("samples") + " seen)";
    }
}
