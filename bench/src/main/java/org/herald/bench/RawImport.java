package org.herald.bench;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.HdrHistogram.Histogram;

/**
 * Reads what {@code artemis perf client} wrote (its JSON report and its HDR
 * histogram log, latencies in microseconds) into the bench's phase format.
 */
final class RawImport {

    private RawImport() {}

    static void run(Args args) throws Exception {
        Path phases = Path.of(args.get("run"), "phases");
        String variant = args.get("variant");
        JsonArray samples;
        try (InputStream in = Files.newInputStream(phases.resolve("raw-" + variant + "-perf.json"));
                JsonReader reader = Json.createReader(in)) {
            samples = reader.readArray();
        }
        long received = 0;
        long firstTime = -1;
        long lastTime = -1;
        JsonObject summary = null;
        for (JsonValue value : samples) {
            JsonObject sample = value.asJsonObject();
            if ("summary".equals(sample.getString("sampleType", ""))) {
                summary = sample;
            } else if (sample.getBoolean("warmup", false)) {
                firstTime = sample.getJsonNumber("time").longValue(); // measured intervals start here
            } else {
                if (firstTime < 0) {
                    firstTime = sample.getJsonNumber("time").longValue() - 1000;
                }
                received += sample.getJsonNumber("received").longValue();
                lastTime = sample.getJsonNumber("time").longValue();
            }
        }
        double seconds = (lastTime - firstTime) / 1000.0;
        Histogram transfer = Latency.histogram();
        Histogram send = Latency.histogram();
        // the log's lines: Tag=<tag>,<start>,<length>,<max>,<base64 compressed histogram>
        for (String line : Files.readAllLines(phases.resolve("raw-" + variant + ".hdr"))) {
            if (!line.startsWith("Tag=")) {
                continue;
            }
            String[] fields = line.split(",");
            String tag = fields[0].substring(4);
            Histogram h = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(fields[fields.length - 1])), 0);
            if ("transfer".equals(tag)) {
                transfer.add(h);
            } else if ("send".equals(tag)) {
                send.add(h);
            }
        }
        JsonObject proc = Files.exists(phases.resolve("raw-" + variant + "-proc.json"))
                ? JsonFiles.read(phases.resolve("raw-" + variant + "-proc.json"))
                : JsonValue.EMPTY_JSON_OBJECT;
        JsonFiles.write(
                phases.resolve("raw-" + variant + ".json"),
                Json.createObjectBuilder()
                        .add("variant", variant)
                        .add("tool", "artemis perf client 2.40.0 (apache-artemis distribution), CORE protocol")
                        .add("options", args.get("options", "") + " --persistent --durable --consumers 1 --producers 1")
                        .add("destination", "topic://jms.topic.bench.raw (one durable subscription)")
                        .add(
                                "message_bytes",
                                Integer.parseInt(Files.readString(phases.resolve("event-size.txt"))
                                        .trim()))
                        .add("result", summary == null ? "no summary" : summary.getString("result", "?"))
                        .add(
                                "total_sent",
                                summary == null
                                        ? 0
                                        : summary.getJsonNumber("totalSent").longValue())
                        .add(
                                "total_received",
                                summary == null
                                        ? 0
                                        : summary.getJsonNumber("totalReceived").longValue())
                        .add("measured_seconds", seconds)
                        .add("throughput_msgs_per_s", ProcSampler.round(received / seconds))
                        .add("latency", Latency.summary(transfer))
                        .add("latency_note", "perf client 'transfer' time: send to receive, after warm-up")
                        .add("send_latency", Latency.summary(send))
                        .add("server", proc)
                        .build());
        System.out.printf(
                "raw (%s): %.0f msgs/s, transfer p50 %s ms, p99 %s ms%n",
                variant,
                received / seconds,
                Latency.ms(transfer.getValueAtPercentile(50)),
                Latency.ms(transfer.getValueAtPercentile(99)));
    }
}
