package org.herald.bench;

import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Herald's event pipeline without HTTP and without password hashing: the
 * bench publishes {@code user.registered} events itself on
 * {@code jms.topic.user.events} (each in its own transaction, byte for byte
 * shaped like the real one the probe caught), Herald's order MDB consumes them
 * (dedup, order insert, {@code order.created} publish, one XA transaction) and
 * an external subscriber on {@code jms.topic.order.events} receives each
 * {@code order.created}, linked to its cause by {@code causationid}.
 *
 * <p>Two parts: a burst (as fast as the publishers can go: the pipeline's
 * throughput is the rate order.created events arrive) and a fixed rate
 * (open loop: publish-to-effect latency from the intended publish time).
 */
final class Pipeline {

    private static final String CAUSATION = "cloudEvents_causationid";
    private static final int SENDERS = 4;

    private final Template template;
    private final ActiveMQConnectionFactory factory;
    private final String user;
    private final String password;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final AtomicLong sequence = new AtomicLong();
    /** event id -> {intended nanos, committed nanos} of events whose order.created has not arrived yet. */
    private final Map<String, long[]> pending = new ConcurrentHashMap<>();
    private final AtomicLong arrived = new AtomicLong();
    private final AtomicLong unexpected = new AtomicLong();
    private volatile long lastArrival;
    private volatile Histogram fromIntended = Latency.histogram();
    private volatile Histogram fromCommit = Latency.histogram();

    private Pipeline(Template template, ActiveMQConnectionFactory factory, String user, String password) {
        this.template = template;
        this.factory = factory;
        this.user = user;
        this.password = password;
    }

    static void run(Args args) throws Exception {
        Path phases = Path.of(args.get("run"), "phases");
        JsonObject probe = JsonFiles.read(phases.resolve("probe.json")).getJsonObject("user_registered");
        Pipeline pipeline = new Pipeline(new Template(probe), Broker.factory(args.get("broker")),
                args.get("user"), args.get("password"));
        long pid = Long.parseLong(args.get("server-pid"));
        int burst = args.getInt("burst", 2000);
        double seconds = args.getDouble("seconds", 10);
        double maxRate = args.getDouble("max-rate", 100);
        try (JMSContext subscriber = Broker.subscribe(pipeline.factory, "order.events",
                "cloudEvents_type = 'order.created'", pipeline::onOrderCreated)) {
            pipeline.burst(Math.max(300, burst / 3), pid); // warm-up (JIT), not recorded
            JsonObject burstResult = pipeline.burst(burst, pid);
            double throughput = burstResult.getJsonNumber("throughput_events_per_s").doubleValue();
            double rate = Math.max(10, Math.min(maxRate, Math.floor(throughput * 0.5 / 10) * 10));
            JsonObject rateResult = pipeline.fixedRate(rate, seconds, pid);
            JsonFiles.write(phases.resolve("pipeline.json"), Json.createObjectBuilder()
                    .add("method", "bench publishes user.registered (CloudEvents JSON + cloudEvents_* properties copied from"
                            + " a real one, new ids) on jms.topic.user.events, one event per JMS transaction, as user "
                            + "herald-bench; Herald's MDB OrderOnUserRegistered (dedup, order insert, order.created publish,"
                            + " one XA transaction) consumes; an external core subscriber on jms.topic.order.events receives"
                            + " order.created and links it by causationid. No HTTP, no password hashing.")
                    .add("publishers", SENDERS)
                    .add("burst", burstResult)
                    .add("fixed_rate", rateResult)
                    .build());
            Files.writeString(phases.resolve("pipeline-rate.txt"), String.valueOf((int) rate));
            System.out.printf("pipeline: %.0f events/s (burst of %d, server CPU %s ms/event); at %.0f/s p50 %s ms,"
                            + " p99 %s ms, p99.9 %s ms (server CPU %s ms/event)%n",
                    throughput, burst, burstResult.get("server_cpu_ms_per_event"), rate, rateResult.getJsonObject("latency").get("p50"),
                    rateResult.getJsonObject("latency").get("p99"), rateResult.getJsonObject("latency").get("p99_9"),
                    rateResult.get("server_cpu_ms_per_event"));
        }
    }

    private void onOrderCreated(Message message) {
        long now = System.nanoTime();
        String cause = Broker.property(message, CAUSATION);
        long[] times = cause == null ? null : pending.remove(cause);
        if (times == null) {
            unexpected.incrementAndGet();
            return;
        }
        Latency.recordNanos(fromIntended, now - times[0]);
        if (times[1] != 0) {
            Latency.recordNanos(fromCommit, now - times[1]);
        }
        lastArrival = now;
        arrived.incrementAndGet();
    }

    /** Publishes {@code count} events as fast as {@value #SENDERS} publishers can; waits for their order.created. */
    private JsonObject burst(int count, long pid) throws Exception {
        reset();
        ProcSampler proc = new ProcSampler(pid);
        AtomicLong left = new AtomicLong(count);
        long start = System.nanoTime();
        AtomicLong lastCommit = new AtomicLong();
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread sender = new Thread(() -> {
                try (Sender out = new Sender()) {
                    while (left.getAndDecrement() > 0) {
                        out.publish(System.nanoTime());
                    }
                    lastCommit.accumulateAndGet(System.nanoTime(), Math::max);
                }
            }, "burst-publisher-" + s);
            sender.start();
            senders.add(sender);
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.MINUTES.toMillis(5));
        }
        long missing = awaitDrain(120);
        JsonObject procResult = proc.result();
        long done = arrived.get();
        double seconds = (lastArrival - start) / 1e9;
        return Json.createObjectBuilder()
                .add("events", count)
                .add("completed", done)
                .add("missing", missing)
                .add("unexpected", unexpected.get())
                .add("seconds", ProcSampler.round(seconds))
                .add("throughput_events_per_s", ProcSampler.round(done / seconds))
                .add("server_cpu_ms_per_event", cpuMsPerEvent(procResult, done))
                .add("publish_events_per_s", ProcSampler.round(count / ((lastCommit.get() - start) / 1e9)))
                .add("latency_from_publish_under_saturation", Latency.summary(fromCommit))
                .add("server", procResult)
                .build();
    }

    /** Open loop at {@code rate} events/s for {@code seconds}; latency from each event's intended publish time. */
    private JsonObject fixedRate(double rate, double seconds, long pid) throws Exception {
        reset();
        ProcSampler proc = new ProcSampler(pid);
        BlockingQueue<Long> due = new ArrayBlockingQueue<>(1_000_000);
        List<Thread> senders = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            Thread sender = new Thread(() -> {
                try (Sender out = new Sender()) {
                    while (true) {
                        long intended = due.take();
                        if (intended == Long.MIN_VALUE) {
                            return;
                        }
                        out.publish(intended);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "rate-publisher-" + s);
            sender.start();
            senders.add(sender);
        }
        long start = System.nanoTime();
        long sent = OpenLoop.run(rate, seconds, due::add);
        for (int s = 0; s < SENDERS; s++) {
            due.add(Long.MIN_VALUE);
        }
        for (Thread sender : senders) {
            sender.join(TimeUnit.MINUTES.toMillis(2));
        }
        long missing = awaitDrain(60);
        JsonObject procResult = proc.result();
        return Json.createObjectBuilder()
                .add("rate_events_per_s", rate)
                .add("seconds", seconds)
                .add("events", sent)
                .add("completed", arrived.get())
                .add("missing", missing)
                .add("achieved_events_per_s", ProcSampler.round(arrived.get() / ((lastArrival - start) / 1e9)))
                .add("server_cpu_ms_per_event", cpuMsPerEvent(procResult, arrived.get()))
                .add("latency", Latency.summary(fromIntended))
                .add("latency_note", "from the intended publish time (open loop) to the order.created arriving at"
                        + " the external subscriber")
                .add("latency_from_commit", Latency.summary(fromCommit))
                .add("server", procResult)
                .build();
    }

    /** Server CPU time per completed event: less sensitive to a busy machine than throughput. */
    static double cpuMsPerEvent(JsonObject proc, long events) {
        double cpu = proc.getJsonNumber("cpu_avg_percent").doubleValue();
        double seconds = proc.getJsonNumber("seconds").doubleValue();
        return events <= 0 || cpu < 0 ? -1 : ProcSampler.round(cpu / 100 * seconds * 1000 / events);
    }

    private void reset() {
        pending.clear();
        arrived.set(0);
        unexpected.set(0);
        fromIntended = Latency.histogram();
        fromCommit = Latency.histogram();
    }

    /** Waits until every published event's order.created arrived, at most {@code seconds}; returns how many did not. */
    private long awaitDrain(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return pending.size();
    }

    /** One publisher: its own connection, a transacted session, one event per transaction. */
    private final class Sender implements AutoCloseable {
        private final JMSContext context = factory.createContext(user, password, JMSContext.SESSION_TRANSACTED);
        private final JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
        private final Topic topic = context.createTopic(Broker.address("user.events"));

        void publish(long intended) {
            Template.Event event = template.next(runId + "-" + sequence.incrementAndGet());
            long[] times = {intended, 0};
            pending.put(event.id(), times);
            TextMessage message = context.createTextMessage(event.body());
            try {
                for (Map.Entry<String, String> property : event.properties().entrySet()) {
                    message.setStringProperty(property.getKey(), property.getValue());
                }
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e);
            }
            producer.send(topic, message);
            context.commit();
            times[1] = System.nanoTime();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    /** A real user.registered with its ids, email and times replaced. */
    static final class Template {
        record Event(String id, String body, Map<String, String> properties) {
        }

        private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
        private final String body;
        private final Map<String, String> properties = new LinkedHashMap<>();
        private final String id;
        private final String userId;
        private final String email;
        private final String time;
        private final String registeredAt;

        Template(JsonObject probe) {
            body = probe.getString("body");
            probe.getJsonObject("properties").forEach((k, v) -> properties.put(k, ((jakarta.json.JsonString) v).getString()));
            JsonObject event = Json.createReader(new StringReader(body)).readObject();
            JsonObject data = event.getJsonObject("data");
            id = event.getString("id");
            userId = data.getString("userId");
            email = data.getString("email");
            time = event.getString("time");
            registeredAt = data.getString("registeredAt");
            properties.putIfAbsent("JMSXGroupID", userId);
            properties.putIfAbsent("_AMQ_DUPL_ID", id);
        }

        Event next(String tag) {
            String newId = UUID.randomUUID().toString();
            String newUser = UUID.randomUUID().toString();
            String newEmail = "pipe-" + tag + "@bench.herald.test";
            String now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS).format(TIME);
            Map<String, String> swap = new LinkedHashMap<>();
            swap.put(id, newId);
            swap.put(userId, newUser);
            swap.put(email, newEmail);
            swap.put(time, now);
            swap.put(registeredAt, now);
            Map<String, String> props = new LinkedHashMap<>();
            properties.forEach((k, v) -> props.put(k, swap.getOrDefault(v, v)));
            String b = body;
            for (Map.Entry<String, String> e : swap.entrySet()) {
                b = b.replace("\"" + e.getKey() + "\"", "\"" + e.getValue() + "\"");
            }
            return new Event(newId, b, props);
        }
    }

}
