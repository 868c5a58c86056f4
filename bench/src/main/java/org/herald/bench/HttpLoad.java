package org.herald.bench;

import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.herald.events.catalogue.OrderCreated;
import org.herald.events.jms.CloudEventMessages;
import org.herald.events.json.EventData;

/**
 * End to end over HTTP, open loop: {@code POST /api/users} at fixed rates;
 * a registration is complete when its {@code order.created} reaches an
 * external subscriber of {@code jms.topic.order.events} (linked by the
 * {@code userId} of the event's data). Latency is measured from each
 * request's intended send time.
 */
final class HttpLoad {

    /** A rate passes if no errors, every order arrived and p99 stays under this. */
    static final double SUSTAINED_P99_MS = 1000;

    private final URI users;
    private final HttpClient http;
    private final String tag;
    private final AtomicLong sequence = new AtomicLong();
    /** userId -> either the arrival nanos of its order.created (negative-tagged) or the intended send nanos. */
    private final Map<String, long[]> join = new ConcurrentHashMap<>();

    private final AtomicLong completed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final Map<String, AtomicLong> errorKinds = new ConcurrentHashMap<>();
    private final AtomicLong inFlight = new AtomicLong();
    private volatile Histogram endToEnd = Latency.histogram();
    private volatile Histogram response = Latency.histogram();
    private volatile boolean recording = true;

    private HttpLoad(String base, String tag) {
        this.users = URI.create(base + "/api/users");
        ExecutorService executor = Executors.newFixedThreadPool(4);
        this.http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.tag = tag;
    }

    static void run(Args args) throws Exception {
        String name = args.get("name");
        Path phases = Path.of(args.get("run"), "phases");
        long pid = Long.parseLong(args.get("server-pid"));
        double[] rates = Arrays.stream(args.get("rates").split(","))
                .mapToDouble(Double::parseDouble)
                .toArray();
        double seconds = args.getDouble("seconds", 10);
        boolean ramp = args.getInt("ramp", 0) == 1;
        HttpLoad load = new HttpLoad(args.get("http"), name + "-" + Long.toString(System.currentTimeMillis(), 36));
        JsonArrayBuilder results = Json.createArrayBuilder();
        double sustained = 0;
        String stopReason = "all rates tried";
        try (JMSContext subscriber = Broker.subscribe(
                Broker.factory(args.get("broker")),
                "order.events",
                "cloudEvents_type = 'order.created'",
                load::onOrderCreated)) {
            // warm-up at the lowest rate, not recorded
            load.step(rates[0], Math.min(5, seconds / 2), pid);
            for (double rate : rates) {
                JsonObject step = load.step(rate, seconds, pid);
                results.add(step);
                JsonObject e2e = step.getJsonObject("end_to_end");
                System.out.printf(
                        "%s: %5.0f/s offered, %6.1f/s completed, errors %d, e2e p50 %7.1f p99 %7.1f p99.9 %7.1f ms,"
                                + " RSS max %.0f MB, CPU %.0f%% (%s ms/registration)%n",
                        name,
                        rate,
                        step.getJsonNumber("completed_per_s").doubleValue(),
                        step.getInt("errors"),
                        e2e.getJsonNumber("p50").doubleValue(),
                        e2e.getJsonNumber("p99").doubleValue(),
                        e2e.getJsonNumber("p99_9").doubleValue(),
                        step.getJsonObject("server").getJsonNumber("rss_max_mb").doubleValue(),
                        step.getJsonObject("server")
                                .getJsonNumber("cpu_avg_percent")
                                .doubleValue(),
                        step.get("server_cpu_ms_per_registration"));
                if (step.getBoolean("sustained")) {
                    sustained = Math.max(sustained, rate);
                } else if (ramp) {
                    stopReason = "stopped at " + rate + "/s: " + step.getString("verdict");
                    break;
                }
            }
        }
        JsonFiles.write(
                phases.resolve(name + ".json"),
                Json.createObjectBuilder()
                        .add("name", name)
                        .add("password_iterations", args.getInt("iterations", 0))
                        .add(
                                "method",
                                "open-loop POST /api/users at a fixed arrival rate; complete when the order.created with"
                                        + " the new user's id reaches an external core subscriber of jms.topic.order.events; latency from"
                                        + " the intended send time (coordinated-omission safe)")
                        .add("seconds_per_rate", seconds)
                        .add(
                                "sustained_rule",
                                "errors = 0, every order.created arrived, and end-to-end p99 <= " + SUSTAINED_P99_MS
                                        + " ms")
                        .add("sustained_max_per_s", sustained)
                        .add("ramp", ramp)
                        .add("ramp_result", stopReason)
                        .add("rates", results)
                        .build());
    }

    private void onOrderCreated(Message message) {
        long now = System.nanoTime();
        String userId;
        try {
            userId = EventData.read(CloudEventMessages.read(message), OrderCreated.class)
                    .userId();
        } catch (Exception notAnOrderCreated) {
            return;
        }
        long[] entry = join.computeIfAbsent(userId, k -> new long[] {0, now});
        if (entry[1] == 0) { // the response came first
            synchronized (entry) {
                entry[1] = now;
            }
            finish(userId, entry);
        }
    }

    private void onCreated(String userId, long intended) {
        long[] entry = join.computeIfAbsent(userId, k -> new long[] {intended, 0});
        if (entry[0] == 0) { // the order.created came first
            synchronized (entry) {
                entry[0] = intended;
            }
            finish(userId, entry);
        }
    }

    private void finish(String userId, long[] entry) {
        if (join.remove(userId) != null) {
            if (recording) {
                Latency.recordNanos(endToEnd, entry[1] - entry[0]);
            }
            completed.incrementAndGet();
        }
    }

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    private void fire(long intended) {
        long n = sequence.incrementAndGet();
        String body = "{\"email\":\"" + tag + "-" + n + "@bench.herald.test\",\"name\":\"Bench User " + n
                + "\",\"password\":\"correct-horse-battery-staple\"}";
        HttpRequest request = HttpRequest.newBuilder(users)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        inFlight.incrementAndGet();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((r, failure) -> {
            long now = System.nanoTime();
            inFlight.decrementAndGet();
            if (failure != null) {
                error(failure.getClass().getSimpleName());
                return;
            }
            if (recording) {
                Latency.recordNanos(response, now - intended);
            }
            if (r.statusCode() != 201) {
                error("HTTP " + r.statusCode());
                return;
            }
            String userId = createdId(r.body());
            if (userId == null) {
                error("no id in response");
                return;
            }
            onCreated(userId, intended);
        });
    }

    /** The {@code id} of a registration's response body, or {@code null}. */
    static String createdId(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject().getString("id", null);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private JsonObject step(double rate, double seconds, long pid) throws InterruptedException {
        join.clear();
        completed.set(0);
        errors.set(0);
        errorKinds.clear();
        endToEnd = Latency.histogram();
        response = Latency.histogram();
        ProcSampler proc = new ProcSampler(pid);
        long start = System.nanoTime();
        long sent = OpenLoop.run(rate, seconds, this::fire);
        long sendEnd = System.nanoTime();
        // drain: every response and every order, at most 30 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ((inFlight.get() > 0 || completed.get() + errors.get() < sent) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long drained = System.nanoTime();
        JsonObject server = proc.result();
        long missing = sent - completed.get() - errors.get();
        if (missing > 0) {
            errorKinds
                    .computeIfAbsent("no order.created within 30 s", k -> new AtomicLong())
                    .addAndGet(missing);
        }
        long errorCount = errors.get() + Math.max(0, missing);
        JsonObject e2e = Latency.summary(endToEnd);
        String verdict = errorCount > 0
                ? errorCount + " errors"
                : e2e.getJsonNumber("p99").doubleValue() > SUSTAINED_P99_MS
                        ? "p99 above " + SUSTAINED_P99_MS + " ms"
                        : "ok";
        var kinds = Json.createObjectBuilder();
        errorKinds.forEach((k, v) -> kinds.add(k, v.get()));
        return Json.createObjectBuilder()
                .add("rate_per_s", rate)
                .add("seconds", seconds)
                .add("sent", sent)
                .add("completed", completed.get())
                .add("errors", errorCount)
                .add("error_kinds", kinds)
                .add("completed_per_s", ProcSampler.round(completed.get() / ((drained - start) / 1e9)))
                .add("server_cpu_ms_per_registration", Pipeline.cpuMsPerEvent(server, completed.get()))
                .add("send_seconds", ProcSampler.round((sendEnd - start) / 1e9))
                .add("drain_seconds", ProcSampler.round((drained - sendEnd) / 1e9))
                .add("end_to_end", e2e)
                .add("http_response", Latency.summary(response))
                .add("sustained", "ok".equals(verdict))
                .add("verdict", verdict)
                .add("server", server)
                .build();
    }
}
